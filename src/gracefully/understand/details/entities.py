"""Company, role, contact and requisition id, copied as written.

Rules are `cased`: lead-in phrases are case-insensitive (`(?i:...)`), the
captured name keeps the email's own spelling, because the value must match
what the email says. A table's order is its priority: the first rule whose
capture survives `clean_*` wins. Names that are really a job board, an ATS,
a team word or a greeting are refused by the cleaners, not by more regex.
"""

from __future__ import annotations

from gracefully.understand.details.engine import Rule, Where

_WORD = r"[A-Z0-9][\w&'’\-]*(?:\.[\w&'’\-]+)*(?:(?<=Inc|Ltd|Bro)\.|(?<=Co|NA)\.|(?<=Corp)\.)?"
_SUFFIX = r"(?:,? (?:Inc|LLC|Ltd|GmbH|Co|Corp|Corporation|S\.A|AG|B\.V|plc|SE|NV|SAS|LLP)\b\.?)"
_NAME = (
    r"(?P<v>\[[\w ]{1,30}\]|(?>"
    + _WORD
    + r"(?:(?: (?:&|and|of|de|du|la|y|und|et|\+))? "
    + _WORD
    + r"){0,5}"
    + _SUFFIX
    + r"?))"
)
_ROLE_NOUN = (
    r"(?i:position|role|opening|internship|intern\b|program|programme|job|posting|vacancy|req"
    r"|requisition|team\b|opportunity)"
)
_COMPANY_END = r"(?! " + _ROLE_NOUN + r")"
_ORG = (
    r"(?:University |Campus |Global |Corporate |Early Careers? )?(?:Recruiting|Recruitment|Talent"
    r"(?: Acquisition| Attraction)?|Careers?|Hiring|HR|Human Resources|People(?: Team| Ops)?|Jobs"
    r"|Staffing|Workday|Notifications?)"
)

COMPANY: tuple[Rule, ...] = (
    Rule(
        "subject-applying-to",
        "company",
        "",
        r"(?i:appl(?:ying|ication|ied)|interest|resume|candidacy|sent)(?: (?i:was sent))? "
        r"(?i:to|in|at|with) (?:(?i:the|joining|working at) )?"
        + _NAME
        + _COMPANY_END
        + r"(?:[!.,]? ?(?:\w+)?$|[!.] |[ ]?[-|:–])",
        where=Where.SUBJECT,
        cased=True,
    ),
    Rule(
        "subject-role-at",
        "company",
        "",
        r"(?i:application|applied)\b.{0,90} (?i:at|with) " + _NAME + r"[!.]?$",
        where=Where.SUBJECT,
        cased=True,
    ),
    Rule(
        "interest-in",
        "company",
        "",
        r"(?i:interest in|applying (?:to|at|with)|applied (?:to|at|with)|application (?:to|with)"
        r"|apply (?:to|at|with)|candidacy (?:at|with)|(?:opportunities|career|employment) (?:at"
        r"|with)|here at|joining|join)(?: (?i:the|a career at|working at|working for|a role at"
        r"|employment with|opportunities with|the team at))? " + _NAME + _COMPANY_END + r"(?!'s)",
        cased=True,
    ),
    Rule(
        "role-at",
        "company",
        "",
        r"(?i:position|role|opening|internship|program|posting|vacancy|opportunity|job|"
        r"intern|team)(?: \([\w ,./-]+\))? (?i:at|with|here at) " + _NAME + _COMPANY_END,
        cased=True,
    ),
    Rule(
        "sender-org-name",
        "company",
        "",
        r"^(?:(?i:careers|jobs|the recruiting team|recruiting|hr) (?:at|@) )?"
        + _NAME
        + r"(?: (?:[-|@] )?"
        + _ORG
        + r"(?: Team)?)*(?: [-|@] [\w ]+)?$",
        where=Where.SENDER_NAME,
        cased=True,
    ),
    Rule(
        "team-sign-off",
        "company",
        "",
        r"(?:(?i:the|your) )?" + _NAME + r" (?:" + _ORG + r"|Team)\b(?: Team)?",
        unless=r"\bpart of\b|\bjoin\b",
        cased=True,
    ),
    Rule(
        "team-sign-off-after",
        "company",
        "",
        r"(?:Recruiting|Recruitment|Talent Acquisition|Hiring Team|Talent Team) [|,@-] " + _NAME,
        cased=True,
    ),
    Rule(
        "subject-leading-name",
        "company",
        "",
        r"^" + _NAME + r"(?:'s)? (?:[|:–—-] |(?i:application|job application|has received|careers"
        r"|recruiting|update))",
        where=Where.SUBJECT,
        cased=True,
    ),
    Rule(
        "subject-from",
        "company",
        "",
        r"(?i:from|at|with) " + _NAME + r"[!.]?$",
        where=Where.SUBJECT,
        cased=True,
    ),
    Rule(
        "ats-tenant",
        "company",
        "",
        r"^(?P<v>[a-z][a-z0-9]{2,})(?:\+[\w-]+)?@(?:[\w-]+\.)*(?:myworkday\.com|icims\.com)$"
        r"|@(?P<t>[a-z0-9-]{3,})\.(?:tal\.net|avature\.net|taleo\.net)$",
        where=Where.SENDER_ADDRESS,
    ),
    Rule(
        "sender-domain",
        "company",
        "",
        r"@(?:[\w-]+\.)*(?P<v>[a-z0-9-]{2,})\.(?:com?\.\w\w|com|io|co|net|org|ai|de|fr|es|nl|be|"
        r"ch|at|uk|eu|jobs|tech|app|dev|us|ca|se|dk|no|fi|it|pl|ie)$",
        where=Where.SENDER_ADDRESS,
    ),
)

_ROLE = (
    r"(?P<v>[A-Z0-9][^\n!?;:<>\"“”|]{1,100}?"
    r"(?:\.(?=\S| [A-Z]{2})[^\n!?;:<>\"“”|]{0,60}?)?(?:\([^)\n]{1,60}\))?)"
)
ROLE: tuple[Rule, ...] = (
    Rule(
        "subject-application-for-at",
        "role",
        "",
        r"(?i:application (?:for|to)|applying (?:for|to)|applied (?:for|to)|interest in)"
        r"(?: (?i:the|our))? " + _ROLE + r" (?i:at|with|@|-) ",
        unless=r"applying to (?:the )?[a-z]+$",
        where=Where.SUBJECT,
        cased=True,
    ),
    Rule(
        "the-x-position",
        "role",
        "",
        r"(?i:for|to|in|about|of|on|regarding|with)(?: (?i:the|our|this|your|an|a))?(?: (?i:open|"
        r"current|recent))? " + _ROLE + r"(?: \([\w ,./-]+\))? (?i:position|role|opening|posting"
        r"|vacancy|job|req|requisition|opportunity|program|programme)\b",
        cased=True,
    ),
    Rule(
        "the-role-of",
        "role",
        "",
        r"(?i:(?:position|role|post|title) of|position:|role:|job title:|title:) "
        + _ROLE
        + r"(?=(?: (?i:at|with|here|in|within|for|is|has|was)\b|[,.!]\s|[,.!]?$))",
        cased=True,
    ),
    Rule(
        "application-for",
        "role",
        "",
        r"(?i:application (?:for|to)|applying (?:for|to)|applied (?:for|to)|interest in)"
        r"(?: (?i:the|our|a|an))? " + _ROLE + r"(?= (?i:at|with|position|role|opening)\b|,? "
        r"(?i:job|req)\b| - |$)",
        cased=True,
    ),
    Rule(
        "subject-application-for",
        "role",
        "",
        r"(?i:application (?:for|to)|applying (?:for|to)|applied (?:for|to)|application:)(?: (?i:"
        r"the|our))? " + _ROLE + r"$",
        where=Where.SUBJECT,
        cased=True,
    ),
)

_PERSON = (
    r"(?P<v>(?-i:[A-Z][a-z'’-]+(?: [A-Z]\.)?(?: [A-Z][a-z'’-]+){0,2}|[A-Z]{2,}(?: [A-Z]{2,}){1,2}))"
)
CONTACT: tuple[Rule, ...] = (
    Rule(
        "sign-off",
        "contact",
        "",
        r"(?i:best|regards|best regards|kind regards|warm regards|warmest regards|sincerely|"
        r"thanks|thank you|cheers|best wishes|all the best|warmly|respectfully|many thanks|"
        r"mit freundlichen grüßen|viele grüße|cordialement|bien à vous|saludos|atentamente|"
        r"met vriendelijke groet(?:en)?)[,.!-]?\s*(?:--\s*)?\n?\s*"
        + _PERSON
        + r"(?=\s*(?:\n|$|,|\||  |-))",
        cased=True,
    ),
    Rule(
        "named-contact",
        "contact",
        "",
        r"(?i:contact|reach out to|email|my name is|i am|i'm)\s+"
        + _PERSON
        + r"(?=,? (?i:at|via|on|directly|your|the)\b|[.,])",
        unless=r"contact us|contact our|email us",
        cased=True,
    ),
)

REQUISITION: tuple[Rule, ...] = (
    Rule(
        "req-label",
        "requisition_id",
        "",
        r"(?i:req(?:uisition)?\.?(?: ?(?:id|#|no\.?|number|code))?|job ?(?:id|#|no\.?|number|code|"
        r"ref(?:erence)?)|posting ?(?:id|#)|vacancy ?(?:id|#|no\.?|number)|reference ?(?:no\.?|#|"
        r"number|id)|ref\.? ?(?:no\.?|#))\s*[:#]?\s*(?P<v>[A-Z]{0,5}[-_]?\d{3,}[A-Z0-9_-]*)\b",
        cased=True,
    ),
    Rule(
        "req-parenthesised",
        "requisition_id",
        "",
        r"\((?P<v>(?:[A-Z]{1,5}[-_]?)?\d{4,}[A-Z0-9-]*)\)",
        cased=True,
    ),
    Rule(
        "req-prefixed",
        "requisition_id",
        "",
        r"\b(?P<v>(?:JR|REQ|R|JOB|J|VAC|P)-?\d{4,}(?:-\d+)?)\b",
        cased=True,
    ),
    Rule(
        "subject-req",
        "requisition_id",
        "",
        r"(?i:req(?:uisition)?(?: ?id)?|job ?id|id)\s*[:#]?\s*(?P<v>[A-Z]{0,5}[-_]?\d{3,}[\w-]*)"
        r"|\b(?P<w>(?:JR|REQ|R)-?\d{4,})\b|[-–] (?P<x>\d{5,}) ",
        where=Where.SUBJECT,
        cased=True,
    ),
)
