"""Company, role, contact and requisition id, copied as written.

Rules are `cased`: lead-in phrases are case-insensitive (`(?i:...)`), the
captured name keeps the email's own spelling, because the value must match
what the email says. A table's order is its priority: the first rule whose
capture survives `clean_*` wins. Names that are really a job board, an ATS,
a team word or a greeting are refused by the cleaners, not by more regex.
"""

from __future__ import annotations

import re

from gracefully.knowledge import PLATFORMS
from gracefully.understand.details.engine import Rule, Where
from gracefully.understand.details.names import NAME_WORD, PARTICLE

_WORD = r"[A-Z0-9][\w&'’\-]*(?:\.[\w&'’\-]+)*(?:(?<=Inc|Ltd|Bro)\.|(?<=Co|NA)\.|(?<=Corp)\.)?"
_SUFFIX = (
    r"(?:,? (?:(?i:inc|llc|ltd|corp)|GmbH|Co|Corporation|S\.A|AG|B\.V|plc|SE|NV|SAS|LLP|PBC)\b\.?)"
)
"""A legal suffix belongs to the name as written ("Brightfold, Inc.", "Corvid inc.")."""
_NAME = (
    r"(?P<v>\[[\w ]{1,30}\]|(?>"
    + _WORD
    + r"(?:(?: (?:&|and|of|de|du|la|y|und|et|\+))? "
    + _WORD
    + r"){0,5}"
    + _SUFFIX
    + r"?(?: \([A-Z][A-Z&]{1,6}\))?))"
)
"""A name as written: capitalised words, a legal suffix and a bracketed short form "(BCG)"."""
_TENANT_DOMAINS = "|".join(
    re.escape(domain)
    for platform in PLATFORMS
    for domain in platform.local_tenant_domains + platform.host_tenant_domains
)
"""Platform domains whose sender address names the employer (`knowledge.sender_tenant`)."""
_ROLE_NOUN = (
    r"(?i:position|role|opening|internship|intern\b|program|programme|job|posting|vacancy|req"
    r"|requisition|team\b|opportunity)"
)
_COMPANY_END = r"(?! " + _ROLE_NOUN + r")"
_NOT_TITLE = r"(?!'s)(?![ \t]*[-–—/|][ \t])(?!-?\d)"
"""A job title runs on after a separator or an id ("Data - Analytics Intern", "Analyst-2041");
a company named after "interest in" does not."""
_ORG = (
    r"(?:University |Campus |Global |Corporate |Early Careers? )?(?:Recruiting|Recruitment|Talent"
    r"(?: Acquisition| Attraction)?|Careers?|Hiring|HR|Human Resources|People(?: Team| Ops)?|Jobs"
    r"|Staffing|Workday|Notifications?)"
)

_STAFF = (
    r"(?i:recruiter|recruiting|recruitment|staffing|acquisition|sourcer|specialist|partner"
    r"|consultant|coordinator)"
)
"""The last word of a recruiter's own title ("Senior Technical Recruiter at ...")."""
WORKS_AT = Rule(
    "works-at",
    "company",
    "",
    r"\b"
    + _STAFF
    + r"(?:[ -](?i:it|tech|team|group))? (?i:at|with|of|from) (?:(?i:the) )?"
    + r"(?=[A-Z\[])"
    + _NAME
    + _COMPANY_END,
    cased=True,
)
"""A recruiter says where they work: the firm that writes is the company named."""
FROM_FIRM = Rule(
    "person-from-firm",
    "company",
    "",
    r"\b(?i:this is|my name is|i am|i'm) [A-Z][\w'’-]+(?: [A-Z][\w'’.-]+){0,2},? (?i:from|at|with)"
    r" (?:(?i:the) )?" + _NAME + _COMPANY_END,
    cased=True,
)
"""A recruiter introduces themself and their firm ("This is Dana Reyes from Corvid Staffing")."""

_HEADING = (
    r"(?i:about|job|jobs|company (?:description|overview|profile)|description|who|why|what"
    r"|where|the|our|we|you|your|position|offer|context|within|join|founded|mission|missions|overview|presentation|location"
    r"|hello|hi|hey|dear|greetings|thank|thanks|welcome|congratulations|please|new|apply"
    r"|summary|requirements?|responsibilities|role|title)\b"
)
"""Words that open a heading or a sentence: a posting's opening name stops before them."""
_OPEN_WORD = r"(?!" + _HEADING + r")[A-Z0-9](?:[\w&'’]|[-.](?=\w))*"
_OPENING = (
    r"\A\s*(?P<v>" + _OPEN_WORD + r"(?:(?: (?:&|and|of|de|du|la|et))? " + _OPEN_WORD + r"){0,4})"
)
"""The capitalised words a posting opens with (its source puts the employer first)."""

POSTING: tuple[Rule, ...] = (
    Rule(
        "subject-alert-for",
        "company",
        "",
        r"(?i:jobs?|job alerts?|openings?|positions?|roles?|opportunit(?:y|ies)) (?i:at|for|with)"
        r" " + _NAME + _COMPANY_END + r"(?:[!.,]? ?(?:\w+)?$|[!.] |[ ]?[-|:–])",
        where=Where.SUBJECT,
        cased=True,
    ),
    Rule(
        "subject-name-alert",
        "company",
        "",
        r"^(?P<v>[A-Z][\w&'’-]*(?: [A-Z][\w&'’-]*){0,3}?)(?:'s)? (?i:job alert|jobs? for you"
        r"|new jobs?|is hiring|careers?\b)",
        where=Where.SUBJECT,
        cased=True,
    ),
    Rule(
        "opening-name-then-heading",
        "company",
        "",
        _OPENING + r"[ \t]*(?:[:|–-][ \t]*)?(?=[A-Z])(?=" + _HEADING + r")",
        cased=True,
    ),
    Rule(
        "opening-name-recurs",
        "company",
        "",
        _OPENING,
        cased=True,
    ),
    WORKS_AT,
    FROM_FIRM,
    Rule(
        "jobs-at",
        "company",
        "",
        r"\b(?i:jobs|openings|positions) (?i:at|with) " + _NAME + _COMPANY_END,
        cased=True,
    ),
    Rule(
        "about-or-at-name",
        "company",
        "",
        r"\b(?:About|ABOUT|At|Join|Joining) (?:(?i:the) )?"
        + _NAME
        + r"(?:[ \t]*[:?!]?[ \t]*(?=\n)|, (?i:we|our)\b)",
        cased=True,
    ),
    Rule(
        "name-is-a",
        "company",
        "",
        _NAME
        + r",? (?i:is (?:a|an|the|one of|hiring|recruiting|looking)|was founded|are hiring|are"
        r" recruiting|has (?:been|an? (?:opening|opportunity|position|role)))\b",
        cased=True,
    ),
    Rule(
        "my-client",
        "company",
        "",
        r"\b(?i:my client|our client)(?:,| is)? " + _NAME + _COMPANY_END,
        cased=True,
    ),
)
"""Job postings, digests and recruiter approaches name the employer in their own ways;
these rules come before the application rules for those categories."""
RECURRING_RULES = frozenset({"opening-name-recurs"})
"""Rules whose capture holds the name and what follows it: the name is the longest
leading part that the text repeats (see `names.recurring_prefix`)."""

COMPANY: tuple[Rule, ...] = (
    Rule(
        "subject-applying-to",
        "company",
        "",
        r"(?i:appl(?:ying|ication|ied)|interest|resume|candidacy|sent)(?: (?i:was sent))? "
        r"(?i:to|in|at|with) (?:(?i:the|joining|working at) )?"
        + _NAME
        + _COMPANY_END
        + r"(?:[!.,]? ?(?:\w+)?$|,(?: [A-Z][\w'’-]*){1,4}[!.]?$|[!.] |[ ]?[-|:–])",
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
        r"|employment with|opportunities with|the team at))? " + _NAME + _COMPANY_END + _NOT_TITLE,
        cased=True,
    ),
    Rule(
        "role-at",
        "company",
        "",
        r"\b(?i:position|role|opening|internship|program|posting|vacancy|opportunity|job|"
        r"intern|team)(?: \([\w ,./-]+\))? (?i:at|with|here at) " + _NAME + _COMPANY_END,
        cased=True,
    ),
    Rule(
        "viewed-by-or-sent-to",
        "company",
        "",
        r"\b(?i:was|were|been|is) (?i:viewed by|sent to|forwarded to|submitted to) "
        + _NAME
        + _COMPANY_END,
        cased=True,
    ),
    Rule(
        "application-for-title-at",
        "company",
        "",
        r"\b(?i:application|applied|applying) (?i:for|to) (?:(?i:the|a|an) )?[A-Z][^.\n]{0,80}? "
        r"(?i:at|with) "
        + _NAME
        + r"(?=[ \t]*(?:[.,!;:]|$|\n| (?i:is|was|has|were|but|and|in|on)\b))",
        cased=True,
    ),
    WORKS_AT,
    FROM_FIRM,
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
        r"(?:^|\n)[ \t>]*(?:(?i:the|your) )?" + _NAME + r" (?:" + _ORG + r"|Team)\b(?: Team)?",
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
        r"^" + _NAME + r"(?:'s)?(?: [|:–—-] |: (?=[a-z])| (?i:application|job application|has "
        r"received|careers|recruiting|update))",
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
        rf"^(?P<v>[^@\s]+@(?:[\w-]+\.)*(?:{_TENANT_DOMAINS}))$",
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

_TWORD = (
    r"(?:[A-Z0-9](?:[\w'’+#&]|-(?=\w)|\.(?=\w)|(?<=\b[A-Z]\.[A-Z])\.(?!\w)|(?<=\b[SJ]r)\.(?!\w))*"
    r"|\([^()\n]{1,60}\)|&)"
)
_TJOIN = (
    r"(?:[ \t]+[-–—][ \t]*(?:\n[ \t]*)?|-[ \t]+|[–—][ \t]*|[ \t]*[/,][ \t]*"
    r"|[ \t]+(?:(?:and|of|or|de)[ \t]+)?|(?=\())"
)
"""Word and joiner never match the same text, so a long run of words cannot backtrack
exponentially (a slash or a dash is either inside a word or a joiner, never both)."""
_TITLE = r"(?P<v>" + _TWORD + r"(?:" + _TJOIN + _TWORD + r"){0,14})"
"""A job title as written: capitalised words, numbers and (parts), joined by spaces,
dashes, slashes, commas and a few small words. A lower-case word ends it, so a
capture cannot run on into the next clause; `clean_role` trims ids and the company."""
_TLOWER = (
    r"(?!(?:and|or|the|a|an|we|you|to|for|at|in|on|with|our|your|this|that|will|be|is|are|of"
    r"|from|as|by|not|has|have)\b)[a-z][a-z-]{2,}"
)
_HEAD = (
    r"(?:intern|internship|engineer|developer|analyst|scientist|designer|manager|associate"
    r"|specialist|consultant|coordinator|architect|researcher)s?\b"
)
_TITLE_LOOSE = (
    r"(?P<v>"
    + _TWORD
    + r"(?:"
    + _TJOIN
    + r"(?:"
    + _TLOWER
    + _TJOIN
    + r")?"
    + _TWORD
    + r"){0,14}(?:[ \t]+"
    + _HEAD
    + r")?)"
)
"""A title whose end the lead-in fixes ("the Business intelligence Analyst position", "our Web
Developer intern role"): a lower-case word may sit between capitalised ones, and a lower-case
head noun may close it."""
_TITLE_NOUN = (
    r"(?:position|role|opening|posting|vacancy|job|req|requisition|opportunity|program|programme"
    r"|internship|post)s?\b"
)
"""Lower case on purpose: a capitalised "Program" or "Internship" is part of the title."""
_NOT_REPLY_MARK = r"(?<!\b(?i:re))(?<!\b(?i:fw))(?<!\b(?i:aw|wg))(?<!\b(?i:fwd))"
"""The colon of "Re:" or "Fwd:" opens a subject, it does not separate a title."""
_GENDER = (
    r"[ \t]*(?:[-–][ \t]*)?(?:\((?:[HFMWDX]|NB)(?:/(?:[HFMWDX]|NB)){1,3}\)"
    r"|\((?:[hfmwdx]/){1,3}[hfmwdx]\)|\b(?:[HFMWD]/){1,2}[HFMWD]\b|\b(?:[hfmwd]/){1,2}[hfmwd]\b)"
)
"""A European posting marks its title for every gender ("Data Engineer H/F", "(m/w/d)"):
the title as written ends with the mark."""
_APPLY = r"(?i:applica(?:tion|nt)|applying|applied|apply|interest|resume|submission|candidacy)"

ROLE: tuple[Rule, ...] = (
    Rule(
        "labelled-title",
        "role",
        "",
        r"\b(?i:(?:position|role|post|job|title)[ \t]*\n?[ \t]*of:?"
        r"|following (?:position|job|role)s?,|(?:position|role|job|job title|title|position title"
        r"|position applied for|(?:following|this) (?:position|job|role)s?(?:\(s\))?"
        r"(?: at [^:\n]{1,40})?)[ \t]*:)[ \t]*\n?[\s•·*-]*"
        r"(?!(?i:position|job|role|title)\b)" + _TITLE,
        cased=True,
    ),
    Rule(
        "the-title-position",
        "role",
        "",
        r"\b(?:for|to|in|about|of|on|regarding|with|and|For|To)(?: (?:the|our|this|your|an|a))?"
        r"(?: (?:open|current|recent))? +(?:[\"“]|\*\*)?"
        + _TITLE_LOOSE
        + r"(?:[\"”]|\*\*)?(?: \([^)\n]{1,40}\))? +"
        + _TITLE_NOUN,
        cased=True,
        needs=" " + _TITLE_NOUN,
    ),
    Rule(
        "clause-the-title-position",
        "role",
        "",
        r"\b(?:[Tt]he|[Oo]ur|[Tt]his|[Yy]our) "
        + _TITLE_LOOSE
        + r"(?: \([^)\n]{1,40}\))? "
        + _TITLE_NOUN,
        cased=True,
        needs=" " + _TITLE_NOUN,
    ),
    Rule(
        "foreign-position-title",
        "role",
        "",
        r"(?i:\bposte d[e'’] ?|\bpuesto de |\bvacante de |\bfunctie (?:van |als )|\bvacature "
        r"(?:voor |van )?|\b(?:der |die )(?:position|stelle) (?:als )?)" + _TITLE,
        cased=True,
    ),
    Rule(
        "sent-to-company-then-title",
        "role",
        "",
        r"\b(?i:your application was sent to)[ \t]*([^\n]{1,80}?)[ \t]*\n[ \t]*\1[ \t]*\n[ \t]*"
        + _TITLE
        + r"[ \t]*\n",
        cased=True,
    ),
    Rule(
        "your-title-application",
        "role",
        "",
        r"\b(?i:your|the)(?: (?i:recent))? " + _TITLE_LOOSE + r" (?i:application|candidacy)\b",
        cased=True,
    ),
    Rule(
        "subject-title-position",
        "role",
        "",
        r"\b(?i:for|to|in|about|of|on|regarding) (?i:the |our |a |an )?"
        + _TITLE
        + r" "
        + _TITLE_NOUN,
        where=Where.SUBJECT,
        cased=True,
    ),
    Rule(
        "subject-application-for",
        "role",
        "",
        r"\b" + _APPLY + r"\b[^:|]{0,30}? (?i:for|to)(?: (?i:the|our|a|an))? " + _TITLE,
        where=Where.SUBJECT,
        cased=True,
    ),
    Rule(
        "application-for",
        "role",
        "",
        r"\b" + _APPLY + r"\b[^.\n]{0,30}? (?:for|to|in)(?: (?:the|our|a|an))? [\"“]?" + _TITLE,
        cased=True,
    ),
    Rule(
        "subject-after-separator",
        "role",
        "",
        r"(?:[|–—]|" + _NOT_REPLY_MARK + r":|\s-) " + _TITLE + r"(?:[ \t]+@[ \t]*[\w&.-]+)?$",
        where=Where.SUBJECT,
        cased=True,
    ),
    Rule(
        "subject-title-at",
        "role",
        "",
        r"^(?:(?i:re|fwd?|aw|wg):[ \t]*)*"
        + _TITLE
        + r"(?: (?i:at|with)|[ \t]*@) [A-Z][^\n]{0,60}$",
        where=Where.SUBJECT,
        cased=True,
    ),
    Rule(
        "join-as-title",
        "role",
        "",
        r"\b(?i:join(?:ing)? [^\s.,!?]+(?: [^\s.,!?]+)? as|to be) (?i:a|an|our)(?: (?i:next|new))? "
        + _TITLE
        + r"(?=[ \t]*(?:[!.,;:]|$|\n| (?i:and|to|at|in|on|with)\b))",
        cased=True,
    ),
    Rule(
        "hiring-a-title",
        "role",
        "",
        r"\b(?i:hiring|recruiting for|searching for|seeking)(?: (?i:a|an|our))? " + _TITLE,
        cased=True,
    ),
    Rule(
        "gendered-title",
        "role",
        "",
        r"(?P<v>" + _TWORD + r"(?:" + _TJOIN + _TWORD + r"){0,8}?" + _GENDER + r")",
        cased=True,
        needs=r"\((?:[HFMWDX]|NB)/|\([hfmwdx]/|\b[HFMWDhfmwd]/[HFMWDhfmwd]\b",
    ),
)

WEAK_ROLE_RULES = frozenset(
    {
        "join-as-title",
        "hiring-a-title",
        "subject-application-for",
        "application-for",
        "subject-after-separator",
        "subject-title-at",
        "your-title-application",
    }
)
"""Rules whose lead-in also precedes a company ("applying to Lumora"): they need a title word."""

_PARTICLES = r"(?:" + PARTICLE + r"[ \t]+){0,2}"
"""A surname's particles: "Pieter de Boer", "Ana van der Berg"."""
_PERSON = r"(?P<v>" + NAME_WORD + r"(?:[ \t]+" + _PARTICLES + NAME_WORD + r"){0,3})"
"""Up to four name-like words; `clean_person` cuts a job title that follows and
refuses team, company and greeting words."""
_SIGNERS = r"(?P<v>" + NAME_WORD + r"(?:[ \t]+(?:&[ \t]+)?" + _PARTICLES + NAME_WORD + r"){0,3})"
"""A sign-off may name two people who write together ("Ana & Joel")."""
_NAME_END = r"(?=[ \t]*(?:$|\r?\n|,|\||[ \t]-|[ \t]{2}|<|\(|/))"
_CLOSING = (
    r"\b(?:B(?i:est(?: regards| wishes)?)|K(?i:ind regards)|W(?i:arm(?:est)? (?:regards|wishes)"
    r"|armly|ith (?:thanks|best wishes|kind regards))|R(?i:egards|espectfully)|S(?i:incerely"
    r"(?: yours)?|aludos)|T(?i:hanks(?: again| so much)?|hank you(?: again| so much)?)|C(?i:heers"
    r"|ordialement)|A(?i:ll the best|tentamente)|M(?i:any thanks|it freundlichen grüßen|et "
    r"vriendelijke groet(?:en)?)|V(?i:iele grüße)|Y(?i:ours (?:sincerely|truly)))"
)
_FORMAL_CLOSING = (
    r"\b(?:(?:B(?i:est)|K(?i:ind)|W(?i:arm(?:est)?)) (?i:regards)|R(?i:egards)|S(?i:incerely))"
)
CONTACT: tuple[Rule, ...] = (
    Rule(
        "sign-off",
        "contact",
        "",
        _CLOSING + r"[ \t]*[,.!-]?[ \t]*\r?\n[\s>]*(?:--[ \t]*\r?\n[\s>]*)?" + _SIGNERS + _NAME_END,
        cased=True,
    ),
    Rule(
        "sign-off-inline",
        "contact",
        "",
        _FORMAL_CLOSING + r", " + _PERSON + r"(?=[ \t]*(?:$|\n|,|\||[ \t]-|<|(?:[A-Z][a-z]+ )?"
        r"(?:Recruiter|Recruiting|Talent|Manager|Coordinator|Director|Partner|Specialist|HR|"
        r"Sourcer|Lead|Head|Senior|Sr)\b))",
        cased=True,
    ),
    Rule(
        "introduces-self",
        "contact",
        "",
        r"\b(?i:my name is|this is|i am|i'm)[ \t]+" + _PERSON + r"(?=,? (?i:and|from|with|at|"
        r"a|an|the|your|i'm|i am|i)\b|[.,])",
        unless=r"\bthis is (?:a|an|the|to|not|your|our|just)\b",
        cased=True,
    ),
    Rule(
        "named-contact",
        "contact",
        "",
        r"\b(?i:please contact|contact|reach out to|email|call)[: \t]+" + _PERSON + r"(?=,? "
        r"(?i:at|via|on|directly|by)\b|[.,]|[ \t]*(?:\n|$|<|\())",
        unless=r"contact us|contact our|email us|call us",
        cased=True,
    ),
    Rule(
        "reply-to-named-address",
        "contact",
        "",
        r"\b(?i:reply to|contact|email|e-mail|write to|reach out to|reach me at|send (?:it|them)"
        r" to)[: \t]+(?P<v>[A-Z][a-z]+\.[A-Z][a-z]+)@",
        cased=True,
    ),
    Rule(
        "spoke-with",
        "contact",
        "",
        r"\b(?i:you spoke with|you spoke to|speaking with|conversation with|call with|chat with"
        r"|met with|meeting with)[ \t]+" + _PERSON + r"(?=[ \t]*(?:$|\n|[.,!&)?]|[a-z]))",
        cased=True,
    ),
    Rule(
        "subject-call-with",
        "contact",
        "",
        r"\b(?i:call|chat|interview|meeting|conversation|phone screen) (?i:with) "
        + _PERSON
        + r"(?=[ \t]*(?:$|[-|:&,(]|and\b|about\b))",
        where=Where.SUBJECT,
        cased=True,
    ),
    Rule(
        "name-closes-the-mail",
        "contact",
        "",
        r"\n[ \t>]*" + _PERSON + r"[ \t\r]*$",
        cased=True,
    ),
)

REQUISITION: tuple[Rule, ...] = (
    Rule(
        "req-label",
        "requisition_id",
        "",
        r"\b(?i:req(?:uisition)?\.?(?: ?(?:id|#|no\.?|number|code))?|job ?(?:id|#|no\.?|number"
        r"|code|ref(?:erence)?)|posting ?(?:id|#)|vacancy ?(?:id|#|no\.?|number)|reference ?"
        r"(?:no\.?|#|number|id)|ref\.? ?(?:no\.?|#))\s*[:#]?\s*"
        r"(?P<v>[A-Z]{0,5}[-_]?\d{3,}[A-Z0-9_-]*)\b",
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
