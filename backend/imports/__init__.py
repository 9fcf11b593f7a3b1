"""Bringing a network from LinkedIn: who a person is there (identity.py), reading the export
(linkedin.py), importing it (service.py) and the private contacts it leaves (contacts.py)."""
