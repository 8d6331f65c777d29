"""Slot pools for the example generator: fake names and shared boilerplate.

Every line here was written for gracefully; none comes from a real mailbox.
Pools are one item per line so a new phrasing is one line of data.
"""


def lines(block: str) -> list[str]:
    """Split a one-item-per-line block; `\\n` inside an item stands for a line break."""
    return [ln.strip().replace("\\n", "\n") for ln in block.strip().splitlines() if ln.strip()]


CANDIDATES = lines("""
Priya
Tomasz
Leila
Marcus
Ines
Daniel
Yuki
Amara
Jonas
Sofia
Kwame
Hannah
Rafael
Mei
Oliver
Zainab
Lukas
Chloe
Aditya
Freya
Fatima Haddad
Jordan Lee
[Candidate_Name]
""")

COMPANIES = lines("""
Brightwave Analytics
Northwind Robotics
Calder & Finch
Orchard Health
Lumen Freight
Pinecrest Bank
Kestrel Software
Harbor Energy
Tessellate Labs
Bluefield Insurance
Quarry Games
Meridian Foods
Vantage Biotech
Copperline
Silverleaf Capital
Nimbus Cloud
Fernhill University
Redstone Logistics
Atlas Mobility
Juniper Retail
Sable Security
Oakridge Media
Polaris Aerospace
Wrenfield Consulting
Helix Pharma
Driftwood Studios
Cobalt Payments
[Company_A]
[Company_B]
[Company_C]
""")

ROLES = lines("""
Data Analyst
Software Engineer II
Junior Backend Developer
Product Designer
Marketing Coordinator
Financial Analyst Intern
Machine Learning Engineer
Customer Success Manager
Senior DevOps Engineer
Business Analyst
Summer Analyst Program - Technology
Research Assistant
Account Executive
Operations Associate
Cyber Security Engineer
QA Automation Engineer
HR Generalist
Supply Chain Planner
Data Scientist, Growth
Technical Writer
Graduate Software Developer
Network Administrator
UX Researcher
Project Manager
Front End Engineer (React)
Clinical Data Coordinator
[Job_Title]
""")

RECRUITERS = lines("""
Megan Ortiz
Ravi Shankar
Claire Dubois
Tom Becker
Alicia Gomez
Sanjay Patel
Emma Lindqvist
Jamal Wright
Nora Kim
Peter Novak
Grace Adeyemi
Lena Hoffmann
Chris Morgan
Dana Whitfield
[Recruiter_Name]
""")

DATES = lines("""
Tuesday, March 4
next Monday
May 12
Thursday 14 November
10/22
Friday
""")

TIMES = lines("""
10:00 AM EST
2:30 PM PT
11:00 CET
9:15 AM
4 pm
""")

LINKS = lines("""
https://careers.example.com/portal
https://apply.example.org/status?id=48213
https://jobs.example.net/candidate/home
[link]
<https://calendly.example.com/recruiting/30min>
""")

GREETINGS = [
    *lines("""
Hi {name},
Dear {name},
Hello {name},
Hi {name}!
{name},
Dear Candidate,
Hello,
Dear Applicant,
Good afternoon {name},
Hey {name},
Greetings {name},
"""),
    "",
]

SIGNOFFS = [
    *lines("""
Best regards,\\n{recruiter}\\nTalent Acquisition, {company}
Kind regards,\\nThe {company} Recruiting Team
Sincerely,\\n{company} Talent Acquisition
Thanks,\\n{recruiter}
Best,\\n{recruiter} | Recruiter | {company}
Warm regards,\\nPeople Team at {company}
Regards,\\nHuman Resources
Cheers,\\n{recruiter}\\nSenior Technical Recruiter
"""),
    "",
]

ATS_FOOTERS = {
    "greenhouse": "Powered by Greenhouse. Please do not reply to this automated message.",
    "lever": "Sent via Lever. You are receiving this because you applied at {company}.",
    "workday": "This email was sent from an unmonitored mailbox. Log in to your candidate"
    " home to view your applications.",
    "icims": "Please do not reply to this email. This mailbox is not monitored.",
    "taleo": "*** This is an automatically generated message. Replies will not be read. ***",
    "smartrecruiters": "Powered by SmartRecruiters | Privacy Policy | Unsubscribe",
    "ashby": "Sent with Ashby on behalf of {company}.",
    "successfactors": "Note: this message was generated automatically. Do not reply.",
    "jobvite": "Powered by Jobvite | Manage your candidate profile",
    "none": "",
}

ATS_SENDERS = {
    "greenhouse": "{company} <no-reply@us.greenhouse-mail.io>",
    "lever": "{company} <no-reply@hire.lever.co>",
    "workday": "{company} Workday <{slug}@myworkday.com>",
    "icims": "{company} @ icims <{slug}+autoreply@talent.icims.com>",
    "taleo": "{company} Careers <careers-noreply@taleo.net>",
    "smartrecruiters": "{company} <noreply@smartrecruiters.com>",
    "ashby": "{company} Hiring Team <no-reply@ashbyhq.com>",
    "successfactors": "{company} Recruiting <recruiting@{slug}.successfactors.eu>",
    "jobvite": "{company} <notification@jobvite.com>",
    "none": "{recruiter} <{handle}@{slug}.com>",
}
