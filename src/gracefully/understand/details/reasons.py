"""The reasons a rejection STATES (shared SCHEMA.md), one row per phrasing.

Only stated reasons count: the volume of applications alone is not a reason,
"not a fit at this time" names none, and a hypothetical ("it may be because
your experience...") is not a statement. A competitive or stronger pool is
`other_candidate`; one chosen person ("we selected another candidate") is
`position_filled`. Patterns read lower-cased text.
"""

from __future__ import annotations

from gracefully.domain import Reason
from gracefully.understand.details.engine import Rule
from gracefully.understand.details.policy import any_apostrophe

F = "reasons"
R = Reason
_MAYBE = r"may be because|might be because|could be because|if you (?:were|are|aren't|weren't) not"
_PEOPLE = r"(?:candidates|applicants|individuals|profiles|people|finalists|applications)"
_ONE = r"(?:candidate|applicant|individual|person|finalist)"
_CHOSE = (
    r"(?:decided|chosen|elected|opted|made the decision|determined|going|moving|continuing"
    r"|proceeding|moved|proceeded|continue|move|proceed|progress|pursue|pursuing)"
)
_GO_ON = (
    r"(?:move|moving|moved|proceed|proceeding|pursue|pursuing|progress|continue|go|going|advance)"
)
_ROLE = r"(?:position|role|job|opening|vacancy|requisition|opportunity|posting|search|req)"
_EEO = r"without regard|regardless of|equal opportunity|discriminat"

RULES: tuple[Rule, ...] = any_apostrophe(
    # other_candidate: others (a pool, or someone pursued) fit better
    Rule(
        "other-candidates",
        F,
        R.OTHER_CANDIDATE,
        r"\b" + _GO_ON + r"(?: forward| ahead| on)?\s+with\s+(?:(?:other|different|alternative"
        r"|another|a different|an alternative|additional|stronger|more qualified|more experienced)"
        r"\s+(?:[\w-]+\s+){0,2}?(?:" + _PEOPLE + r"|" + _ONE + r"|talent)\b|others\b)",
        unless=_MAYBE,
    ),
    Rule(
        "pursue-others",
        F,
        R.OTHER_CANDIDATE,
        r"\b(?:pursue|pursuing|selected|identified|chosen|selecting|select|consider|considering"
        r"|prioriti[sz]\w+)\s+(?:other|others|another|di"
        r"fferent|a different|alt"
        r"ernative|more qualified|"
        r"stronger|more experienced)\b"
        r"(?!\s+(?:positions?|roles?|opportunit\w+|openings?|jobs?|teams?"
        r"|options|paths|locations?)\b)(?:\s+(?:\w+\s+)?(?:" + _PEOPLE + r"|" + _ONE + r"))?",
        unless=_MAYBE + r"|(?:selected|chosen|hired) (?:another|a different|one other) " + _ONE,
    ),
    Rule(
        "closer-match",
        F,
        R.OTHER_CANDIDATE,
        r"\b(?:" + _PEOPLE + r"|" + _ONE + r"|others)\s+(?:who|whom|that|whose|with)\b[^.\n]{0,80}?"
        r"\b(?:more closely|better|best|closer|more aligned|more suited|stronger|more relevant|more"
        r" directly|most closely)\b",
        unless=_MAYBE + r"|(?:selected|chosen|hired) (?:another|a different|one other) " + _ONE,
    ),
    Rule(
        "better-suited-others",
        F,
        R.OTHER_CANDIDATE,
        r"\b(?:other|others|another group of)\b[^.\n]{0,30}\b(?:better|more|best|closely)\s+"
        r"(?:suited|qualified|matched|aligned|match|fit|meet)|\bnot (?:the|our) "
        r"(?:most competitive|strongest|top|best[- ]suited) (?:candidate|applicant)",
        unless=_MAYBE,
    ),
    Rule(
        "stronger-pool",
        F,
        R.OTHER_CANDIDATE,
        r"\b(?:competitive|strong|stronger|talented|qualified|impressive|exceptional|outstanding"
        r"|great|excellent|highly qualified)\s+(?:pool|field|group|slate|set|number|applicant pool"
        r"|candidate pool)\b|\b(?:many|several|number of|lot of|lots of|all of the|all the|a "
        r"range of|pool of|from|between)\s+(?:other\s+)?(?:very\s+|extremely\s+|highly\s+|"
        r"incredibly\s+)?(?:qualified|talented|strong|impressive|exceptional|competitive|high-"
        r"caliber|high-calibre|well-qualified|skilled)\s+(?:" + _PEOPLE + r")|\b(?:highly|very|"
        r"extremely|incredibly) competitive\b|\bcompetition (?:\w+ ){0,4}(?:is|was) (?:\w+ )?"
        r"(?:strong|fierce|high|intense)\b|\bstronger (?:applicants|candidates|profiles|matches)"
        r"|\b(?:strength|standard|calibre|caliber|quality) of (?:the )?(?:other )?(?:applicant "
        r"|candidate )?(?:pool|field|" + _PEOPLE + r")\b",
        unless=_MAYBE + r"|we get a lot of|if you|sponsorship",
    ),
    Rule(
        "de-andere",
        F,
        R.OTHER_CANDIDATE,
        r"\b(?:für|mit) (?:eine[nr]?|andere[nr]?) (?:andere[nr]? )?(?:kandidat|bewerber)",
    ),
    Rule(
        "fr-autre",
        F,
        R.OTHER_CANDIDATE,
        r"\bautres? (?:candidat|profil)s?\b|\b(?:candidat|profil)s? (?:correspondant|répondant) "
        r"(?:davantage|mieux|plus)\b",
    ),
    Rule("es-otro", F, R.OTHER_CANDIDATE, r"\botros? (?:candidatos|perfiles)\b"),
    Rule("nl-andere", F, R.OTHER_CANDIDATE, r"\bandere kandida(?:at|ten)\b"),
    # position_filled: the role is taken (a chosen person, no internal detail)
    Rule(
        "has-been-filled",
        F,
        R.POSITION_FILLED,
        _ROLE + r"s?\b[^.\n]{0,60}?\b(?:has|have|had|was|were|is|are)\s+(?:now\s+|already\s+|"
        r"recently\s+|just\s+|since\s+)?(?:been\s+)?(?:filled|offered to|accepted by)\b",
        unless=r"intern(?:al|ally)|from within|once|until|if the|when the",
    ),
    Rule(
        "we-filled",
        F,
        R.POSITION_FILLED,
        r"\bwe(?:'ve| have|’ve)?\s+(?:(?:actually|already|recently|just|now)\s+){0,2}"
        r"(?:filled|hired (?:someone|somebody|a candidate)|made (?:a|our) (?:selection|hire"
        r"|hiring decision))\b|"
        r"\b(?:program|class|cohort|team|positions?) (?:is|are) (?:now )?(?:at|full|at full) "
        r"?capacity|\bno (?:remaining|more) (?:openings|positions|spots)\b",
        unless=r"intern(?:al|ally)|from within",
    ),
    Rule(
        "another-candidate",
        F,
        R.POSITION_FILLED,
        r"\b(?:selected|hired|offered (?:the (?:role|position|job) )?to|extended an offer to|made "
        r"an offer to|filled by|accepted an offer from|gone with|went with)\s+(?:another|a "
        r"different|an? other|one|an? (?:external|more)\s+\w+)\s+" + _ONE + r"\b|\b(?:go|going|"
        r"gone|went|hire|hired|hiring|appoint|appointed|offer(?:ed)? the (?:role|position|job) to)"
        r" (?:with )?someone else\b",
        unless=r"internal|from within|" + _MAYBE,
    ),
    Rule("de-besetzt", F, R.POSITION_FILLED, r"\b(?:bereits|anderweitig|schon) (?:\w+ )?besetzt\b"),
    Rule("fr-pourvu", F, R.POSITION_FILLED, r"\b(?:a|ont) (?:déjà )?été pourvus?\b"),
    Rule(
        "es-cubierta", F, R.POSITION_FILLED, r"\b(?:ha sido|fue|ya está) (?:cubiert|ocupad)[oa]\b"
    ),
    Rule("nl-ingevuld", F, R.POSITION_FILLED, r"\bis (?:al |inmiddels )?(?:ingevuld|vervuld)\b"),
    # internal_candidate
    Rule(
        "internal",
        F,
        R.INTERNAL_CANDIDATE,
        r"\binternal (?:candidate|applicant|hire|transfer|promotion|move)|\b(?:filled|hire|hired|"
        r"hiring|promote|promoted|promoting|fill it|fill the role|appoint|appointed|appointing)\s+"
        r"(?:\w+\s+)?(?:internally|from within)\b|\b(?:existing|current) (?:employee|team member"
        r"|staff member|colleague)s?\b|\bintern (?:besetzt|vergeben)\b|\binterne[nr]? "
        r"(?:kandidat|bewerber)|\bcandidat(?:ure)? interne|\bcandidato interno|\binterne kandidaat",
    ),
    # role_changed
    Rule(
        "requirements-changed",
        F,
        R.ROLE_CHANGED,
        r"\b(?:requirements|job description|scope|profile|direction|focus)\s+"
        r"(?:(?:for|of|on) (?:the|this|our) (?:\w+ )?(?:role|position|team) )?"
        r"(?:has |have |had )?(?:(?:since|now|recently) )?(?:changed|shifted|evolved)\b|"
        r"\b(?:needs|priorities) (?:for|of) (?:the|this|our) (?:\w+ )?(?:role|position) "
        r"(?:has |have |had )?(?:changed|shifted|evolved)\b|"
        r"\b(?:changed|revised|updated|re-?scoped|redefined|restructured|rethinking|redefining|"
        r"rethought|rethink|reconsidered|"
        r"re-?scoping|restructuring|re-?shaping)\s+(?:the|this|our)\s+(?:\w+\s+)?(?:role|position|"
        r"requirements|job description|scope|team)\b|\b(?:shift|shifting|shifted|refocus\w*|"
        r"changing)\s+(?:our\s+)?(?:immediate\s+)?(?:focus|direction)\b|"
        r"\bdifferent direction (?:with|for) (?:the|this) (?:role|position)\b",
        unless=r"\b(?:has|have|had)(?: not|n't)\b|\bif\b|\bwhether\b",
    ),
    Rule(
        "role-reshaped",
        F,
        R.ROLE_CHANGED,
        r"\b(?:role|position|job description|opening|job|requisition)\s+(?:has|have|had|was|were"
        r"|is|is being)\s+(?:since\s+|now\s+|recently\s+)?(?:been\s+)?(?:re-?scoped|redefined"
        r"|restructured|reshaped|re-?shaped|revised|rewritten|re-?written|redesigned|re-?leve?ll?ed"
        r"|changed (?:significantly|substantially|shape)|merged|folded|combined)\b|"
        r"\b(?:fold|folded|folding|merge|merged|merging|combine|combined|combining)\s+(?:the|this"
        r"|our)\s+(?:[\w-]+\s+){0,3}?(?:role|position|opening|job)\s+(?:into|with)\b|"
        r"\b(?:role|position|opening|job)\s+(?:has|had|have)\s+(?:since\s+|now\s+)?(?:evolved"
        r"|grown|turned|shifted)\s+into\b",
        unless=r"\bif\b|\bwhether\b|\bonce\b",
    ),
    Rule(
        "de-changed",
        F,
        R.ROLE_CHANGED,
        r"\b(?:anforderungen|aufgaben|stellenprofil)\b[^.\n]{0,40}?\b(?:geändert|verändert)\b",
    ),
    # role_closed
    Rule(
        "closed-on-hold",
        F,
        R.ROLE_CLOSED,
        _ROLE + r"s?\b[^.\n]{0,60}?\b(?:has|have|had|was|were|is|are|will be)\s+(?:now\s+|since\s+|"
        r"recently\s+|unfortunately\s+)?(?:been\s+)?(?:cancell?ed|closed|put on hold|placed on hold"
        r"|on hold|paused|withdrawn|eliminated|removed|frozen|no longer (?:available|open|needed"
        r"|active))\b|" + _ROLE + r"s? (?:will|is|has|does)(?: not|n't) (?:be )?(?:moving|going|"
        r"proceeding) (?:ahead|forward)\b",
        unless=r"filled|if the|once|hired|made a selection|selected",
    ),
    Rule(
        "on-hold",
        F,
        R.ROLE_CLOSED,
        r"\b(?:putting|put|placing|placed|keeping)\s+(?:this|the|our|that)\s+"
        r"(?:\w+\s+){0,2}on hold\b"
        r"|\bhiring (?:freeze|pause)\b|\b(?:freeze|pause) (?:on|in) (?:hiring|recruit\w+)\b"
        r"|\b(?:budget(?:ary)?|funding|headcount) (?:constraints?|cuts?|reasons|restrictions|"
        r"changes|was|has been|is no longer)\b|\b(?:lost|no) (?:the )?(?:budget|funding|headcount)"
        r"\b|\b(?:cancel|close|closing|cancelling|canceling|withdraw|withdrawing)\s+(?:this|the|our)"
        r"\s+(?:\w+\s+)?" + _ROLE + r"\b|\b(?:paused|pausing|pause|frozen|froze|freezing) "
        r"(?:hiring|recruiting|recruitment)\b|\bhold(?:ing)? off on (?:filling|hiring|recruiting)"
        r"\b",
    ),
    Rule(
        "no-longer-hiring",
        F,
        R.ROLE_CLOSED,
        r"\bno longer (?:hiring|recruiting|interviewing|reviewing|filling|accepting|processing|"
        r"considering (?:applicants|candidates|applications)|pursuing|"
        r"looking to fill|available|open|seeking|have the need)\b|"
        r"\b(?:decided|chosen) not to (?:fill|hire|move forward with (?:the|this) (?:role|position)"
        r"|proceed with (?:the|this) (?:role|position|hire))\b|\bnot (?:be )?(?:hiring|filling) "
        r"(?:for )?(?:this|the) (?:role|position)\b|\b"
        r"requisition (?:has been |was |is )?closed\b"
        r"|\bstop (?:pursuing|recruiting|hiring|interviewing) (?:candidates |for )"
        r"|(?:\bnot|n't) (?:be )?(?:taking (?:anyone|anybody) on|hiring (?:anyone|anybody))\b",
        unless=r"filled|made a selection|selected|hired"
        r"|\b(?:you|your application) (?:will|would|is)",
    ),
    Rule(
        "de-fr-es-nl-closed",
        F,
        R.ROLE_CLOSED,
        r"\b(?:stelle|position) (?:wurde|ist) (?:\w+ )?(?:gestrichen|storniert|zurückgezogen)|"
        r"\bposte (?:a été|est) (?:annulé|supprimé|gelé)|\bpuesto (?:ha sido|fue) cancelado|"
        r"\bvacature is (?:ingetrokken|gesloten|vervallen)|\bnicht mehr (?:\w+ )?(?:besetzen|"
        r"ausschreiben)\b|\b(?:einstellungsstopp|gel des "
        r"recrutements|congelación de contrataciones|vacaturestop)\b",
    ),
    # better_fit_elsewhere
    Rule(
        "better-fit-elsewhere",
        F,
        R.BETTER_FIT_ELSEWHERE,
        r"\b(?:you|your (?:[\w-]+ ){0,4}?[\w-]+)\s*(?:would|might|may|could|'d)\s+(?:\w+\s+)?be\s+"
        r"(?:a\s+)?"
        r"(?:better|stronger|great|good|strong|more)\s+(?:fit|suited|match|aligned)\s+(?:for|to|"
        r"with|in)\s+(?:a|an|another|our|the|one)\s+(?:different|other|\w+)?",
        unless=r"\b(?:not|n't)\s+(?:\w+\s+){0,3}(?:fit|suited|match|aligned)\b"
        r"|(?:fit|suited|match|aligned)\s+(?:for|to|with|in)\s+(?:this|the) (?:role|position)\b",
    ),
    Rule(
        "suited-to-other-team",
        F,
        R.BETTER_FIT_ELSEWHERE,
        r"\b(?:background|experience|skills|profile|skill set)\s+(?:is|are|seems?|would be)\s+"
        r"(?:\w+\s+)?(?:better|more)\s+(?:suited|aligned|matched)\s+(?:for|to|with)\s+"
        r"(?:a|an|another|other|different)\b",
    ),
    # overqualified: the candidate brings more than the role needs
    Rule(
        "overqualified",
        F,
        R.OVERQUALIFIED,
        r"\bover-?qualified\b|\büberqualifiziert|\bsurqualifi|\bsobre-?cualificad|"
        r"\bsobrecalificad|\bovergekwalificeerd",
        unless=_MAYBE + r"|\bif (?:you|we|a|the|someone)\b|\bnot (?:\w+ )?over-?qualified",
    ),
    Rule(
        "more-than-the-role-needs",
        F,
        R.OVERQUALIFIED,
        r"\b(?:too|more) (?:senior|experienced|advanced|qualified) (?:for|than) (?:this|the|our|"
        r"what)\b|\bmore experience than (?:this|the|our|what|we)\b|\b(?:experience|background|"
        r"skills?|skill set|qualifications?|expertise)\s+(?:\w+\s+)?(?:(?:far|well|greatly|"
        r"significantly|clearly) )?(?:exceeds?|surpass\w*|(?:is|are) (?:(?:well|far|way|"
        r"significantly|clearly|a bit|somewhat) )?(?:beyond|above) (?:what|the|this|our))\b|"
        r"\btoo junior for (?:you|your|someone (?:with|of) your|a (?:candidate|person) (?:with|of) "
        r"your)\b",
        unless=_MAYBE + r"|\bif (?:you|we|a|the|someone)\b|\b(?:someone|candidates?|applicants?"
        r"|finalists?|person|people|others?|hire)\b[^.\n]{0,40}\b(?:more|too) (?:senior|"
        r"experienced)|(?:role|position|job|opening|level) (?:is|was|would be|seems) too (?:senior"
        r"|advanced)|\bnot (?:\w+ )?(?:too|more) (?:senior|experienced)|\b(?:evolved|grown|changed"
        r"|shifted|developed|turned) into (?:\w+ ){0,3}(?:more|too) senior",
    ),
    Rule(
        "would-not-challenge",
        F,
        R.OVERQUALIFIED,
        r"\bunder-?challenged\b|\b(?:would|will|might|may|could)(?:n't| not) (?:\w+ )?(?:challenge"
        r" you|be (?:challenging|stretching|stimulating) enough)\b|\b(?:you|you'd|you would)\b"
        r"[^.\n]{0,30}\b(?:outgrow|get bored|be bored|grow bored)\b|\bworr(?:y|ied|ies)\b"
        r"[^.\n]{0,40}\b(?:would|might|will)(?: not|n't) (?:want to )?stay\b",
        unless=_MAYBE + r"|\bif (?:you|we)\b",
    ),
    Rule(
        "earlier-in-career",
        F,
        R.OVERQUALIFIED,
        r"\b(?:someone|candidates?|a person|people|profiles?|applicants?) (?:who (?:is|are) |"
        r"that (?:is|are) )?(?:earlier|at an earlier stage) in (?:their|his|her) careers?\b|"
        r"\b(?:a )?more junior (?:candidate|profile|person|applicant|hire)\b|\bsomeone (?:more "
        r"|a bit more |slightly more )?junior\b",
        unless=_MAYBE,
    ),
    # experience_gap
    Rule(
        "need-more-experience",
        F,
        R.EXPERIENCE_GAP,
        r"\b(?:more|additional|further|deeper|stronger|greater|significant|extensive|direct|"
        r"hands-on)\s+(?:\w+\s+){0,2}(?:experience|exposure|expertise|background|seniority)\s+"
        r"(?:in|with|on|than|for|[a-z]+ing)\b|\b(?:someone|candidates?|people)\s+(?:with|who have)"
        r"\s+(?:more|a (?:deeper|stronger)|additional|deeper|stronger|direct|hands-on|proven)\b|"
        r"\b(?:looking for|prioriti[sz]ing|seeking|require|requires|need|prefer)\s+(?:someone|"
        r"candidates|applicants|people)\s+(?:with|who have|who've|who has)\b"
        r"|\b(?:requires?|required|need) (?:a |an )?(?:"
        r"minimum of|at least|phd|doctorate|degree|master's|bachelor's)\b|"
        r"\bmore (?:senior|experienced)\s+(?:candidate|applicant|person|profile|hire)",
        unless=_MAYBE + r"|\bif you\b|\bgain\b",
    ),
    Rule(
        "skills-not-match",
        F,
        R.EXPERIENCE_GAP,
        r"\b(?:skills?|skill set|skillset|experience|expertise|technical background)\b[^.\n]{0,40}?"
        r"\b(?:(?:is|are|was|were|did|do|does)(?:\s+not|n't)\s+(?:quite\s+|fully\s+|yet\s+)?(?:a\s+)?"
        r"(?:match|align|meet|aligned|what|strong enough|sufficient|at the level)|not (?:the|a) "
        r"(?:strongest|strong|close|right) (?:match|fit))|\bnot (?:the|a) (?:strongest|strong) "
        r"match (?:with|for) your (?:skill|experience)|\byour (?:[\w-]+ ){0,2}?(?:experience|"
        r"background|skills?|expertise)\b[^.\n]{0,30}?\b(?:is|are|was|were)\s+(?:\w+\s+)?(?:thinner|lighter|weaker|"
        r"narrower|shallower|less (?:deep|extensive))\s+than\b",
        unless=_MAYBE + r"|\bif\b",
    ),
    Rule(
        "lack-requirement",
        F,
        R.EXPERIENCE_GAP,
        r"\b(?:lack(?:s|ed|ing)?|missing|without)\s+(?:the\s+)?(?:\w+\s+){0,2}(?:experience|"
        r"skills?|qualifications?|degree|background|knowledge)\b|\b(?:did|does|do)(?: not|n't) "
        r"(?:fully )?meet (?:the|our|all|some) (?:\w+\s+)?(?:requirements|qualifications|criteria)"
        r"|\b(?:degree|seniority|years of experience) (?:requirement|is required)\b",
        unless=_MAYBE + r"|\bif\b|" + _EEO,
    ),
    Rule(
        "de-fr-es-nl-experience",
        F,
        R.EXPERIENCE_GAP,
        r"\bmehr (?:berufs)?erfahrung\b|\bplus d'expérience\b|\bmás experiencia\b|"
        r"\bmeer (?:werk)?ervaring\b|\bplus expérimenté|\bop zoek naar iemand met\b",
    ),
    # location
    Rule(
        "location",
        F,
        R.LOCATION,
        r"\b(?:someone|candidates?|applicants?|people)\s+(?:who (?:are|is|live)\s+|to be\s+)?"
        r"(?:local|based|located|living|residing)\b|\bfully (?:on-?site|in-office|office-based)\b|"
        r"\b(?:work|working|be) (?:from|in|at) (?:our|the) (?:\w+ )?office (?:\w+ ){0,2}(?:days?|"
        r"full-time|every)\b|\b(?:your|the) (?:current )?location\b|\brelocat\w+\b"
        r"|\b(?:on-?site|in-office|in office|in-person|hybrid) (?:requirement|presence|"
        r"attendance|role|position)\b|\b(?:must|need to|required to|requirement to) (?:be |live |"
        r"reside |work )(?:\w+ ){0,2}(?:in|near|within|on-?site|local|based)\b|\boutside (?:of )?"
        r"(?:our|the) (?:hiring |commutable )?(?:area|region|country|time ?zone)\b|\b(?:standort|"
        r"umzug|wohnort|localisation|déménagement|ubicación|reubicación|woonplaats|verhuizing)\b",
        unless=r"locations? (?:are|is) of interest|if any of|" + _EEO,
    ),
    # work_authorization
    Rule(
        "work-authorization",
        F,
        R.WORK_AUTHORIZATION,
        r"\b(?:work|employment|h-?1b|student|immigration|a) visas?\b"
        r"|\bvisas? (?:sponsorship|status|"
        r"support|requirements?|restrictions|transfer)\b|\bsponsor(?:ship|ing)?\b|\bwork "
        r"(?:authori[sz]ation|permit|permission|"
        r"eligibility)\b|\bauthori[sz]ed to work\b|\bright to work\b|\beligib\w+ to work\b|"
        r"\b(?:arbeitserlaubnis|aufenthaltstitel|permis de travail|autorisation de travail|"
        r"permiso de trabajo|werkvergunning|tewerkstellingsvergunning)\b",
        unless=_EEO + r"|\bvisa (?:card|inc)\b",
    ),
    # timing
    Rule(
        "timing",
        F,
        R.TIMING,
        r"\b(?:your|the)\s+(?:expected\s+|anticipated\s+|stated\s+|[\w-]+-(?:month|week)\s+)?"
        r"(?:graduation (?:date|year|timeline)|"
        r"availability|start date|available start|timeline|notice period|class year)\b|"
        r"\b(?:graduat\w+|availability|start date|timeline|timing)\s+(?:\w+\s+)?(?:does|do|did|"
        r"would|will)(?:\s+not|n't)\s+(?:align|match|work|fit|meet)|\bgraduating (?:too|in|before|"
        r"after)\b|\b(?:eintrittstermin|verfügbarkeit|disponibilité|disponibilidad|"
        r"beschikbaarheid)\b",
        unless=r"timing is everything|let us know your availability|share your availability|"
        r"\bat your availability",
    ),
    # language
    Rule(
        "language",
        F,
        R.LANGUAGE,
        r"\b(?:fluen\w+|proficien\w+|native|business[- ]level|working knowledge)\s+(?:\w+\s+){0,2}"
        r"(?:in\s+)?(?:german|french|spanish|dutch|english|italian|portuguese|japanese|mandarin|"
        r"chinese|korean|polish|swedish|danish|norwegian|finnish|arabic|hebrew|russian|turkish)\b|"
        r"\blanguage (?:requirement|skills|proficiency|requirements)\b|\b(?:german|french|"
        r"spanish|dutch|italian|portuguese|japanese|mandarin)[- ](?:speaking|speaker|language)\b|"
        r"\bnivel (?:nativo|alto|avanzado|fluido) de (?:español|inglés|alemán|francés)\b|"
        r"\b(?:deutschkenntnisse|sprachkenntnisse|niveau de (?:français|langue)|idioma requerido|"
        r"taalvaardigheid)\b",
        unless=_EEO,
    ),
    # compensation
    Rule(
        "compensation",
        F,
        R.COMPENSATION,
        r"\b(?:salary|compensation|pay|rate)\s+(?:expectations?|requirements?|range|band|needs)\b"
        r"|\b(?:outside|above|beyond|exceeds?)\s+(?:of\s+)?(?:our|the)\s+(?:\w+\s+)?(?:budget|range|"
        r"band)\b|\b(?:gehaltsvorstellung\w*|prétentions salariales|expectativas? salarial\w*|"
        r"salarisverwachting\w*|salarisindicatie)\b",
        unless=r"competitive (?:salary|compensation)|we offer",
    ),
)
