// name: ops.server_components
// version: 1
// mode: read
// params: none
// returns: one row per DBMS component: name, versions, edition
// example params (cypher-shell / Browser): :params {}
CALL dbms.components() YIELD name, versions, edition
RETURN name, versions, edition
