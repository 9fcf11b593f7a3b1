// Reference data: professions, their industries, and which professions complement each
// other (a founder needs a lawyer, a designer works with an engineer). Suggestions and the
// seed generator read it from the graph: (:Profession)-[:COMPLEMENTS]-(:Profession).
CREATE CONSTRAINT profession_name_unique IF NOT EXISTS
FOR (p:Profession) REQUIRE p.name IS UNIQUE;

UNWIND [
  ['Software Engineer', 'Technology'], ['Product Manager', 'Technology'],
  ['Product Designer', 'Technology'], ['Data Scientist', 'Technology'],
  ['DevOps Engineer', 'Technology'], ['Founder', 'Technology'],
  ['Venture Capitalist', 'Financial Services'], ['Financial Analyst', 'Financial Services'],
  ['Accountant', 'Financial Services'], ['Corporate Lawyer', 'Legal Services'],
  ['Recruiter', 'Human Resources'], ['Career Coach', 'Professional Training & Coaching'],
  ['Marketing Manager', 'Marketing & Advertising'], ['Sales Executive', 'Marketing & Advertising'],
  ['Copywriter', 'Marketing & Advertising'], ['Physician', 'Hospital & Health Care'],
  ['Nurse', 'Hospital & Health Care'], ['Biomedical Researcher', 'Biotechnology'],
  ['Teacher', 'Education'], ['Professor', 'Higher Education'],
  ['Architect', 'Construction'], ['Civil Engineer', 'Construction'],
  ['Management Consultant', 'Management Consulting'], ['Supply Chain Manager', 'Logistics'],
  ['Journalist', 'Media'], ['Photographer', 'Media']
] AS row
MERGE (p:Profession {name: row[0]})
SET p.industry = row[1];

UNWIND [
  ['Software Engineer', 'Product Manager'], ['Software Engineer', 'Product Designer'],
  ['Software Engineer', 'DevOps Engineer'], ['Product Manager', 'Product Designer'],
  ['Data Scientist', 'Product Manager'], ['Founder', 'Venture Capitalist'],
  ['Founder', 'Corporate Lawyer'], ['Founder', 'Software Engineer'],
  ['Founder', 'Accountant'], ['Founder', 'Recruiter'],
  ['Venture Capitalist', 'Financial Analyst'], ['Recruiter', 'Career Coach'],
  ['Marketing Manager', 'Copywriter'], ['Marketing Manager', 'Sales Executive'],
  ['Sales Executive', 'Management Consultant'], ['Physician', 'Nurse'],
  ['Physician', 'Biomedical Researcher'], ['Teacher', 'Professor'],
  ['Architect', 'Civil Engineer'], ['Supply Chain Manager', 'Management Consultant'],
  ['Journalist', 'Photographer'], ['Journalist', 'Copywriter']
] AS pair
MATCH (a:Profession {name: pair[0]}), (b:Profession {name: pair[1]})
MERGE (a)-[:COMPLEMENTS]->(b);
