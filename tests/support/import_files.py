"""Small files in the project's own import format (people, connections, requests; careers:
organizations, positions, education), for the online import's tests and the offline (bulk)
importer's, which must agree on them."""

from __future__ import annotations

from pathlib import Path

PEOPLE_CSV = """\
id,name,headline,location,industry,profession,skills,connections_visibility,intro_opt_out,created_at
ana,Ana Costa,Engineer at Northwind,"Berlin, Germany",Technology,Software Engineer,Python;Go,,,2020-01-02T03:04:05Z
ben,Ben Adeyemi,Founder,"Berlin, Germany",Technology,Founder,Fundraising,private,true,2019-05-06
cleo,Cleo Martin,,,,,,,,
dan,Dan Park,Lawyer,,Legal Services,Corporate Lawyer,,connections,false,2018-01-01T00:00:00.123456789Z
"""
CONNECTIONS_CSV = """\
a,b,since
ana,ben,2021-03-01T09:00:00Z
ben,ana,2022-01-01
cleo,cleo,2021-01-01
ben,dan,
ana,cleo,2020-06-30T12:00:00+02:00
"""
REQUESTS_CSV = """\
from,to,created_at,note,state
dan,ana,2025-12-01T10:00:00Z,"Hi Ana, let's connect",
cleo,dan,2025-12-02T10:00:00Z,,ignored
ana,ben,2025-12-03T10:00:00Z,already connected,
"""
# Careers: an organization with a domain, a LinkedIn page and aliases; positions naming it by
# id and by another spelling of its name, one naming a company nothing defines (created), a
# current one (no end), text with a comma and a line break; education by id and by name.
ORGANIZATIONS_CSV = """\
id,kind,name,domain,linkedin,aliases,created_at
nw,company,Northwind Labs,https://www.northwind.example/about,northwind-labs,Northwind;NW Labs,2015-01-01T00:00:00Z
tu,school,TU Berlin,,,Technische Universität Berlin,
"""
POSITIONS_CSV = """\
id,person,organization_id,organization,title,start,end,location,description,created_at,updated_at
p1,ana,nw,,Software Engineer,2019-04,2021-12,"Berlin, Germany","APIs, and
the on-call rota",2022-01-01T00:00:00Z,2022-02-01T00:00:00.5Z
p2,ana,,"NORTHWIND LABS, Inc.",Senior Software Engineer,2022-01,,,,,
,ben,,Brightline AI,Founder,2020-06,,,,,
"""
EDUCATION_CSV = """\
id,person,school_id,school,degree,field,start,end
e1,ana,tu,,MSc,Computer Science,2016-10,2018-09
,dan,,Kingsford University,LLB,Law,,
"""


def write(folder: Path, **files: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        stem, suffix = name.rsplit("_", 1)  # people_csv -> people.csv
        (folder / f"{stem}.{suffix}").write_text(text, encoding="utf-8")
    return folder
