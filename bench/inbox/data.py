"""Fixed pools the generator draws from: people, companies, roles, feedback points.

Everything here is invented. Company domains end in `.example`; ATS platform
domains are the real platforms' sending domains, because that is what a real
inbox shows and what a product has to recognise.
"""

from __future__ import annotations

USER_NAME = "Noor Halvorsen"
USER_FIRST = "Noor"
USER_EMAIL = "noor.halvorsen@postbox.example"

FIRST_NAMES = [
    "Hannah", "Marcus", "Priya", "Jonas", "Aisha", "Tomasz", "Elena", "Kwame", "Sofia", "Daniel",
    "Mei", "Rafael", "Ingrid", "Oluwaseun", "Claire", "Mateo", "Yuki", "Fatima", "Lukas", "Grace",
    "Arjun", "Zoë", "Benedikt", "Leila", "Owen", "Camille", "Tariq", "Freya", "Diego", "Annika",
    "Samuel", "Nadia", "Henrik", "Chiara", "Emeka", "Rosa", "Viktor", "Imogen", "Ravi", "Lotte",
    "Anne-Marie", "José", "Siobhán", "Kenji", "Amara", "Felix", "Beatriz", "Callum", "Dagny",
    "Esther", "Gideon", "Hana", "Idris", "Julia", "Kofi", "Lucía", "Magnus", "Nia", "Pieter",
    "Quinn", "Renée", "Stellan", "Thandiwe", "Ulrike", "Vera", "Wen", "Xavier", "Yara", "Zain",
    "Matilde", "Bastian", "Carys", "Dev", "Elif", "Florin", "Greta", "Hamza", "Ilse", "Joaquín",
]  # fmt: skip

LAST_NAMES = [
    "Okafor", "Lindqvist", "Raman", "Berg", "Haddad", "Nowak", "Petrova", "Mensah", "Marchetti",
    "Whitaker", "Chen", "Alvarez", "Solberg", "Adeyemi", "Fournier", "Castillo", "Tanaka", "Rahimi",
    "Brandt", "Osei", "Kapoor", "Müller", "Voss", "Karimi", "Pritchard", "Moreau", "Aziz", "Holm",
    "Navarro", "Ekström", "Ferreira", "Baptiste", "Strand", "Romano", "Nwosu", "Delgado", "Sokolov",
    "Ashworth", "Iyer", "de Vries", "Van Dijk", "O'Connell", "Nakamura", "Abara", "Falk",
    "Quintero", "MacLeod", "Aalto", "Greer", "Hollis", "Ilunga", "Jansen", "Kowalczyk", "Lund",
    "Meyer",
    "Ndlovu", "Ortega", "Pace", "Rasmussen", "Salo", "Torres", "Ueda", "Vance", "Wainwright",
    "Yilmaz", "Zamora", "Blom", "Coates", "Dunmore", "Estrada", "Fenwick", "Gallo", "Hartley",
]  # fmt: skip

COMPANY_HEADS = [
    "Lumen", "Bright", "Cobalt", "Harbour", "North", "Quill", "Vale", "Ember", "Tidal", "Juniper",
    "Orchard", "Pine", "Sable", "Kestrel", "Marble", "Saffron", "Fern", "Granite", "Halcyon",
    "Indigo", "Copper", "Meadow", "Atlas", "Beacon", "Cinder", "Drift", "Falcon", "Glade", "Heron",
    "Iris", "Larch", "Mosaic", "Nimbus", "Opal", "Prism", "Rowan", "Slate", "Thistle", "Umber",
    "Vesper", "Willow", "Yarrow", "Zephyr", "Alder", "Birch", "Cairn", "Delta", "Elm", "Flint",
]  # fmt: skip

COMPANY_TAILS = [
    ("oak", ""), ("well", " Analytics"), ("works", ""), ("stone", " Labs"), ("field", " Health"),
    ("gate", " Logistics"), ("bridge", " Bank"), ("line", " Systems"), ("wood", " Foods"),
    ("point", " Energy"), ("light", " Robotics"), ("hill", " Media"), ("bay", " Insurance"),
    ("crest", " Software"), ("ford", " Consulting"), ("mark", ""), ("path", " Learning"),
    ("spring", " Biotech"), ("view", " Retail"), ("water", " Capital"),
]  # fmt: skip

ROLES = [
    "Data Analyst", "Senior Data Analyst", "Backend Engineer", "Senior Backend Engineer",
    "Product Designer", "UX Researcher", "Customer Success Manager", "Marketing Coordinator",
    "Financial Analyst", "DevOps Engineer", "Operations Associate", "Technical Writer",
    "Project Manager", "HR Generalist", "Sales Development Representative", "Data Engineer",
    "Product Manager", "Business Analyst", "Content Strategist", "Frontend Developer",
    "Machine Learning Engineer", "Supply Chain Analyst", "Account Executive", "QA Engineer",
    "Site Reliability Engineer", "Research Analyst", "Programme Coordinator", "Brand Manager",
    "Analytics Engineer", "People Partner", "Solutions Consultant", "Growth Marketing Manager",
]  # fmt: skip

# other roles a company may point to instead (name, short regex for the draft to mention it)
ALT_ROLES = [
    ("Junior Product Analyst", r"product analyst"),
    ("Data Operations Specialist", r"data operations"),
    ("Insights Analyst", r"insights analyst"),
    ("Platform Engineer", r"platform engineer"),
    ("Customer Insights Lead", r"customer insights"),
    ("Research Operations Coordinator", r"research operations"),
    ("Implementation Consultant", r"implementation consultant"),
    ("Reporting Analyst", r"reporting analyst"),
    ("Internal Tools Developer", r"internal tools"),
    ("Partnerships Associate", r"partnerships"),
]

# feedback gaps: (as written in the rejection, regex a specific note would match)
GAPS = [
    ("stakeholder management in larger organisations", r"stakeholder"),
    ("running Kubernetes in production", r"kubernetes"),
    ("designing A/B tests end to end", r"a/b|experiment"),
    ("financial modelling for early-stage budgets", r"financial model|modell?ing"),
    ("system design for high-traffic services", r"system design"),
    ("SQL performance tuning on large tables", r"sql|query performance"),
    ("leading user interviews without a script", r"user interview"),
    ("writing for a developer audience", r"developer audience|technical writing|docs"),
    ("B2B enterprise sales cycles", r"enterprise|b2b"),
    ("people management of a team of five or more", r"people management|managing a team"),
    ("forecasting with messy retail data", r"forecast"),
    ("accessibility standards in design systems", r"accessib"),
    ("incident response and on-call ownership", r"incident|on-call"),
    ("German at business level", r"german"),
    ("Salesforce administration", r"salesforce"),
    ("dbt and modern data modelling", r"\bdbt\b|data model"),
    ("the take-home case study, which ran out of time", r"case study|take-home"),
    ("prioritising a roadmap under pressure", r"roadmap|prioriti"),
]

STRENGTHS = [
    "clear communication",
    "the portfolio walkthrough",
    "your curiosity about our customers",
    "the way you structured the case",
    "your Python work",
    "the research examples you shared",
    "your energy and preparation",
    "how you handled the live exercise",
]

# other-candidate domains: (written, regex)
DOMAINS = [
    ("regulated healthcare data", r"healthcare|regulated"),
    ("marketplace payments", r"payments|marketplace"),
    ("logistics at scale", r"logistics"),
    ("B2B SaaS onboarding", r"onboarding|saas"),
    ("public-sector procurement", r"public.sector|procurement"),
    ("consumer mobile apps", r"mobile"),
]

NEW_SCOPES = [
    ("data platform migration", r"migration|platform"),
    ("team lead", r"lead|more senior|seniority"),
    ("EMEA expansion", r"emea|expansion"),
    ("contract-only work", r"contract"),
]

TEAMS = ["analytics", "platform", "product", "finance", "operations", "design", "marketing"]

CITIES = [
    ("Rotterdam", "+01:00"),
    ("Leeds", "+00:00"),
    ("Lisbon", "+00:00"),
    ("Berlin", "+01:00"),
    ("Toronto", "-05:00"),
    ("Dublin", "+00:00"),
    ("Copenhagen", "+01:00"),
    ("Austin", "-06:00"),
]

WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]

FRIENDS = [
    ("Lena Marsh", "lena.marsh@webpost.example"),
    ("Bilal", "bilal.k@postbox.example"),
    ("Ruth Adair", "ruthie.adair@mailhub.example"),
    ("Theo", "theo.b@webpost.example"),
    ("Mum", "annelise.halvorsen@mailhub.example"),
    ("Samira Young", "samira.young@postbox.example"),
]
