"""Word lists that make generated people look real: names, places, employers, skills.

Professions and industries are NOT here: they are the reference data of migration V0003,
read from the graph (``seed.professions``) so that generated people use exactly the
professions that suggestions treat as complementary. Skills are keyed by those profession
names; a profession added later without an entry here gets :data:`GENERIC_SKILLS`.
All companies and schools are invented.
"""

from __future__ import annotations

FIRST_NAMES = (
    "Ada", "Adrian", "Aisha", "Akira", "Alejandro", "Alice", "Amara", "Amir", "Ana", "Andrea",
    "Anika", "Arjun", "Astrid", "Ayesha", "Beatriz", "Ben", "Bianca", "Boris", "Camille", "Carlos",
    "Carmen", "Chen", "Chiara", "Chloe", "Chidi", "Claire", "Daniel", "Dara", "David", "Deepa",
    "Diego", "Dmitri", "Elena", "Elif", "Elijah", "Emeka", "Emil", "Emma", "Esther", "Ethan",
    "Fatima", "Felix", "Fiona", "Francesca", "Gabriel", "Grace", "Hana", "Hannah", "Hassan", "Helena",
    "Hiroshi", "Hugo", "Ibrahim", "Ines", "Ingrid", "Isaac", "Isabel", "Ivan", "Jakob", "James",
    "Jana", "Javier", "Jin", "Joao", "Jonas", "Julia", "Kai", "Kamala", "Karim", "Katarina",
    "Kenji", "Kofi", "Lara", "Laura", "Leila", "Leon", "Liam", "Lina", "Lucas", "Lucia",
    "Luis", "Maja", "Malik", "Marco", "Maria", "Marta", "Mateo", "Maya", "Mei", "Mia",
    "Miguel", "Mina", "Mohammed", "Nadia", "Naomi", "Nia", "Nikhil", "Nina", "Noah", "Nora",
    "Olga", "Oliver", "Omar", "Oscar", "Paula", "Pedro", "Priya", "Rafael", "Rania", "Ravi",
    "Rosa", "Ruth", "Sakura", "Samuel", "Sara", "Sebastian", "Sofia", "Sonia", "Stefan", "Sven",
    "Tariq", "Tess", "Theo", "Tomas", "Uma", "Valentina", "Victor", "Wei", "Yara", "Yusuf",
    "Zanele", "Zara", "Zoe", "Farid", "Grete", "Dev", "Ola", "Pia", "Rui", "Tobias",
)

LAST_NAMES = (
    "Abara", "Adeyemi", "Ahmed", "Almeida", "Andersen", "Bauer", "Becker", "Bianchi", "Brown",
    "Carvalho", "Castillo", "Chen", "Chowdhury", "Costa", "Cruz", "Dahl", "Das", "Dubois",
    "Eriksson", "Fernandes", "Fischer", "Garcia", "Gonzalez", "Gupta", "Haddad", "Hansen",
    "Hernandez", "Hoffmann", "Ivanova", "Jansen", "Johansson", "Kang", "Kaur", "Khan", "Kim",
    "Kowalski", "Kumar", "Larsen", "Laurent", "Lee", "Lehmann", "Li", "Lindqvist", "Lopez",
    "Mahlaba", "Martin", "Martinez", "Mendes", "Meyer", "Moreau", "Mueller", "Murphy", "Nakamura",
    "Nguyen", "Nielsen", "Novak", "Nowak", "Okafor", "Okonkwo", "Olsen", "Osei", "Park", "Patel",
    "Pereira", "Petrov", "Popescu", "Quinn", "Ramos", "Rao", "Reyes", "Richter", "Rossi", "Russo",
    "Santos", "Sato", "Schmidt", "Schneider", "Shah", "Silva", "Singh", "Smith", "Sorensen",
    "Suzuki", "Tanaka", "Taylor", "Torres", "Tran", "Van Dijk", "Varga", "Wagner", "Walsh",
    "Wang", "Weber", "Williams", "Wong", "Yamamoto", "Yilmaz", "Zhang", "Zimmermann", "Ozturk",
)

# (location as profiles show it, relative weight: bigger hubs attract more people)
LOCATIONS = (
    ("London, United Kingdom", 10), ("New York, United States", 10),
    ("San Francisco Bay Area, United States", 8), ("Berlin, Germany", 7), ("Paris, France", 7),
    ("Bengaluru, India", 7), ("Singapore", 5), ("Toronto, Canada", 5), ("Amsterdam, Netherlands", 5),
    ("Sydney, Australia", 4), ("Sao Paulo, Brazil", 5), ("Lagos, Nigeria", 4),
    ("Nairobi, Kenya", 3), ("Stockholm, Sweden", 3), ("Madrid, Spain", 4), ("Munich, Germany", 3),
    ("Dublin, Ireland", 3), ("Tel Aviv, Israel", 3), ("Tokyo, Japan", 5), ("Seoul, South Korea", 4),
    ("Mexico City, Mexico", 4), ("Chicago, United States", 4), ("Austin, United States", 3),
    ("Boston, United States", 3), ("Seattle, United States", 3), ("Zurich, Switzerland", 2),
    ("Copenhagen, Denmark", 2), ("Warsaw, Poland", 3), ("Lisbon, Portugal", 2),
    ("Cape Town, South Africa", 2), ("Dubai, United Arab Emirates", 3), ("Milan, Italy", 3),
    ("Barcelona, Spain", 3), ("Vienna, Austria", 2), ("Manchester, United Kingdom", 2),
    ("Melbourne, Australia", 3), ("Hyderabad, India", 4), ("Jakarta, Indonesia", 3),
    ("Buenos Aires, Argentina", 3), ("Helsinki, Finland", 1),
)

COMPANY_STEMS = (
    "Northwind", "Bluepeak", "Brightline", "Cedar", "Clearwater", "Copperleaf", "Evergreen",
    "Fairhaven", "Foxglove", "Granite", "Harbor", "Ironwood", "Juniper", "Kestrel", "Lighthouse",
    "Lumen", "Meridian", "Nimbus", "Oakridge", "Orchid", "Pinecrest", "Quarry", "Redwood",
    "Riverstone", "Saffron", "Silverline", "Summit", "Tidewater", "Trellis", "Upland", "Vantage",
    "Willow", "Zephyr", "Aurora", "Beacon", "Cobalt", "Driftwood", "Ember", "Fern", "Halcyon",
)

# Per industry, the endings that make an invented employer sound like it belongs there.
COMPANY_SUFFIXES = {
    "Technology": ("Labs", "Software", "Systems", "Cloud", "AI"),
    "Financial Services": ("Capital", "Ventures", "Partners", "Bank", "Advisors"),
    "Legal Services": ("Legal", "& Partners LLP", "Law"),
    "Human Resources": ("Talent", "People", "Staffing"),
    "Professional Training & Coaching": ("Coaching", "Careers", "Academy"),
    "Marketing & Advertising": ("Media", "Creative", "Agency", "Brands"),
    "Hospital & Health Care": ("Health", "Clinic", "Medical Center", "Hospital"),
    "Biotechnology": ("Bio", "Therapeutics", "Genomics"),
    "Education": ("School", "Learning", "Academy"),
    "Higher Education": ("University", "Institute of Technology", "College"),
    "Construction": ("Build", "Architects", "Engineering"),
    "Management Consulting": ("Consulting", "Strategy", "Group"),
    "Logistics": ("Logistics", "Freight", "Supply"),
    "Media": ("News", "Studios", "Media"),
}
DEFAULT_SUFFIXES = ("Group", "Company", "Partners")

SCHOOLS = (
    "Northbridge University", "Lakeshore Institute of Technology", "Eastfield College",
    "University of Westmere", "Harbor City University", "Riverside Business School",
    "Kingsford University", "Summit Technical University", "Valley Medical School",
    "Coastal University", "Online bootcamp", "Self-taught",
)

SENIORITY = ("", "", "", "Senior ", "Senior ", "Lead ", "Principal ", "Junior ")

HEADLINE_TEMPLATES = (
    "{seniority}{profession} at {company}",
    "{seniority}{profession} at {company}",
    "{profession} | {skill} and {skill2}",
    "{seniority}{profession} · {industry}",
    "{profession} helping teams with {skill}",
)

SUMMARY_TEMPLATES = (
    "{years} years in {industry}. I care about {skill} and {skill2}.",
    "{profession} based in {city}. Open to conversations about {skill}.",
    "Previously at {company}. Now focused on {skill} and mentoring.",
    "I work at the intersection of {skill} and {skill2}.",
)

REQUEST_NOTES = (
    "", "", "",
    "Hi {first}, we met at the meetup last week - would love to stay in touch.",
    "Hello {first}, I enjoyed your post on {skill}. Let's connect!",
    "Hi {first}, a mutual connection suggested I reach out.",
    "Hi {first}, I'm also working in {industry} and would like to connect.",
)

SKILLS = {
    "Software Engineer": ("Python", "Java", "Distributed Systems", "Go", "TypeScript", "System Design", "Kubernetes", "SQL"),
    "Product Manager": ("Product Strategy", "Roadmapping", "User Research", "A/B Testing", "Agile", "Stakeholder Management"),
    "Product Designer": ("Figma", "Interaction Design", "Prototyping", "Design Systems", "User Research", "Accessibility"),
    "Data Scientist": ("Python", "Machine Learning", "Statistics", "SQL", "Experimentation", "Deep Learning"),
    "DevOps Engineer": ("Kubernetes", "Terraform", "AWS", "CI/CD", "Observability", "Linux"),
    "Founder": ("Fundraising", "Leadership", "Go-to-Market", "Hiring", "Product Strategy", "Negotiation"),
    "Venture Capitalist": ("Due Diligence", "Financial Modeling", "Portfolio Management", "Fundraising", "Market Analysis"),
    "Financial Analyst": ("Financial Modeling", "Excel", "Valuation", "Forecasting", "Accounting"),
    "Accountant": ("Accounting", "Tax", "Audit", "IFRS", "Excel", "Bookkeeping"),
    "Corporate Lawyer": ("Contract Law", "M&A", "Corporate Governance", "Negotiation", "Venture Financing"),
    "Recruiter": ("Technical Recruiting", "Sourcing", "Interviewing", "Employer Branding", "Negotiation"),
    "Career Coach": ("Career Development", "Coaching", "Interview Preparation", "Resume Writing", "Public Speaking", "Networking"),
    "Marketing Manager": ("Digital Marketing", "SEO", "Brand Strategy", "Content Marketing", "Marketing Analytics"),
    "Sales Executive": ("B2B Sales", "Negotiation", "Account Management", "CRM", "Lead Generation"),
    "Copywriter": ("Copywriting", "Content Strategy", "Storytelling", "SEO", "Editing"),
    "Physician": ("Internal Medicine", "Patient Care", "Clinical Research", "Diagnostics"),
    "Nurse": ("Patient Care", "Critical Care", "Triage", "Health Education"),
    "Biomedical Researcher": ("Molecular Biology", "Clinical Trials", "Statistics", "Lab Management", "Genomics"),
    "Teacher": ("Curriculum Design", "Classroom Management", "Mathematics", "Mentoring"),
    "Professor": ("Research", "Teaching", "Grant Writing", "Statistics", "Mentoring"),
    "Architect": ("AutoCAD", "Revit", "Urban Planning", "Sustainable Design", "3D Modeling"),
    "Civil Engineer": ("Structural Engineering", "AutoCAD", "Project Management", "Surveying"),
    "Management Consultant": ("Strategy", "Change Management", "Financial Modeling", "Public Speaking", "Operations"),
    "Supply Chain Manager": ("Logistics", "Procurement", "Operations", "Forecasting", "SAP"),
    "Journalist": ("Reporting", "Interviewing", "Editing", "Storytelling", "Data Journalism"),
    "Photographer": ("Photography", "Lightroom", "Photo Editing", "Storytelling"),
}
GENERIC_SKILLS = ("Communication", "Leadership", "Project Management", "Teamwork", "Problem Solving")
