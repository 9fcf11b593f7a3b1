"""Seed data: ``mutuals seed demo|generate|import|export``.

Every source (the demo, the generator, our own CSV/JSON Lines files, SNAP edge lists, LDBC
SNB folders) becomes a :class:`backend.seed.dataset.Dataset`: people, then connections, then
requests, as rows in the agreed graph model. :mod:`backend.seed.loader` writes any dataset
with batched ``UNWIND`` named queries (``cypher/queries/seed/``) that MERGE, so a load can be
repeated or resumed and ends with the same graph.
"""
