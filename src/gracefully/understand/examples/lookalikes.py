# ruff: noqa: E501  (one phrasing per line reads better than wrapped data)
"""Everyday decisions that read like a rejection but are not about a job.

A landlord who "went with another applicant", a scholarship panel that "will
not be making an award", a choir with "no places this season": each has a
rejection's words (application, unfortunately, decided, another applicant,
waiting list) and none of its subject. These pools teach the model that what
decides a rejection is a job (a role, a position, a hiring team), not the
polite vocabulary of a no. Their category is `other`.

The last pools go the other way, so that "flat", "scholarship" or "PhD" alone
never decides `other`: real job rejections for roles in housing, lettings,
universities, grants or insurance, and ones that mention the candidate's flat,
move or degree; short, friendly rejections a person writes (a friend's note
sounds the same); and job alerts and career newsletters with openings in
those fields.

Every line was written for gracefully; names, places and organisations are fake.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from gracefully.understand.examples.phrases import lines


@dataclass(frozen=True)
class Everyday:
    """One kind of everyday decision: who sends it, what it decides, and what shows it is no job.

    Slots: {name} the reader, {person} the writer, {org}, {slug} and {tld} the sender's
    organisation ({freemail} for a person), {place} an address, {ref} a reference, {date}.
    """

    subjects: list[str]
    senders: list[str]
    orgs: list[str]
    decisions: list[str]
    context: list[str]
    things: list[str] = field(default_factory=list)
    """What was decided, for the `POLITE_NO` sentences."""


PEOPLE = lines("""
Agnes Whitlow
Benedikt Saar
Carmen Ibarra
Declan Moody
Efua Mensah
Filip Horvat
Gwen Talbot
Hiroshi Oda
Ingrid Solberg
Kofi Asante
Lorna McBride
Mateo Rossi
Nell Pritchard
Otto Lindahl
""")

PLACES = lines("""
Flat 2, 41 Quayside Row
22 Hawthorn Terrace
the top-floor flat at 9 Mill Yard
Room 3, 118 Cranmore Road
the two-bed on Larch Avenue
7 Foundry Mews
""")

RENTAL = Everyday(
    subjects=lines("""
Re: viewing at {place}
Your application for {place}
Rental application update
Re: the room
Holding deposit - {place}
Re: flatshare ad
Tenancy application {ref}
About the flat
"""),
    senders=lines("""
{org} <lettings@{slug}.{tld}>
{person} <{handle}@{freemail}>
{org} Lettings <no-reply@{slug}.{tld}>
"""),
    orgs=lines("""
Dunmore Lettings
Keyhaven Estates
Brookline Property Management
Open Door Homes
"""),
    decisions=lines("""
The landlord has chosen another applicant for {place}, so we won't be taking your application any further.
We've decided to offer the room to someone else who can move in at the start of the month.
I'm sorry, but the flat has been let to another tenant.
Unfortunately your application to rent {place} was not accepted by the landlord.
We had a lot of interest in the room and in the end we went with the person who viewed it first.
The owner has accepted an offer from another applicant, so the property is no longer available.
Thanks for your interest, but we've given the spare room to a friend of one of the housemates.
Sadly the references didn't meet the landlord's requirements, so we can't offer you the tenancy.
After the viewings we picked someone else to join the house.
The property at {place} has now been taken off the market.
We won't be able to proceed with your rental application on this occasion.
"""),
    context=lines("""
Your holding deposit will be refunded to the same card within seven days.
Thanks for coming to the viewing on {date}; it was nice to meet you.
We have a few other flats coming up next month, so do keep an eye on our listings.
The rent, bills and council tax would have been split four ways.
You're welcome to register for alerts about similar properties in the area.
Good luck with the flat hunt!
If you'd like us to keep your referencing on file for another property, just reply to this email.
All the housemates liked you, it was honestly a hard choice between the two of you.
"""),
    things=[
        "the room",
        "the flat at {place}",
        "the tenancy at {place}",
        "the spare room in our flatshare",
    ],
)

HOUSING_COOP = Everyday(
    subjects=lines("""
Your membership application
Co-op housing waiting list
Decision from the allocations panel
Re: joining the co-op
Housing register: your application
"""),
    senders=lines("""
{org} <office@{slug}.{tld}>
{org} Allocations <allocations@{slug}.{tld}>
"""),
    orgs=lines("""
Thistle Housing Co-operative
Eastbank Mutual Homes
Riverside Community Housing Co-op
"""),
    decisions=lines("""
The allocations panel met on {date} and is not able to offer you a home in the co-op at present.
We're sorry to say that your application for membership of the co-op has not been accepted this time.
There are no vacant homes at the moment, so we cannot offer you a tenancy.
Your housing register application has been assessed and you do not qualify for a priority band.
The members voted on new households last night and, unfortunately, yours was not one of them.
"""),
    context=lines("""
We have placed you on our waiting list, and you are currently number 14.
New members are asked to give four hours a month to co-op work, such as gardening or repairs.
You can reapply to the housing register if your circumstances change.
Our homes are let at affordable rents to members only.
Please let us know if your contact details change so we can reach you when a home comes up.
"""),
    things=[
        "a home in the housing cooperative",
        "membership of {org}",
    ],
)

FUNDING = Everyday(
    subjects=lines("""
Your scholarship application
{org} Scholarship: outcome
Bursary decision
Grant application {ref}
Outcome of your funding application
Travel award results
"""),
    senders=lines("""
{org} <awards@{slug}.{tld}>
{org} Funding Office <funding@{slug}.{tld}>
{org} Grants <grants@{slug}.{tld}>
"""),
    orgs=lines("""
Ashcombe Trust
Vellacott Foundation
Marigold Education Fund
Sorrel Community Fund
"""),
    decisions=lines("""
The scholarship committee has chosen the recipients for this year, and we are sorry that you were not among them.
Unfortunately we are unable to offer you a bursary for the coming academic year.
Your grant application was not funded in this round.
The panel did not select your proposal for a travel award this time.
We regret that your application for the hardship fund has been declined.
After scoring every application, the trustees decided not to make an award to your project.
You have not been awarded the scholarship on this occasion.
"""),
    context=lines("""
The fund was heavily oversubscribed, with more than 600 students applying for 40 awards.
The next funding round opens in the autumn, and you are welcome to apply again.
Scores and comments from the assessors are available if you would like them.
If your household income has changed, you can ask us to look at your application again.
The award would have covered tuition fees and a contribution to living costs.
Your student loan is not affected by this decision.
"""),
    things=[
        "the {org} scholarship",
        "a bursary from {org}",
        "a grant for your project",
        "the travel award",
    ],
)

ADMISSIONS = Everyday(
    subjects=lines("""
Your application to study with us
Admissions decision: MSc {course}
PhD application - {course}
Your offer status has changed
Application outcome - {course}
Re: supervising your doctorate
"""),
    senders=lines("""
{org} Admissions <admissions@{slug}.{tld}>
Postgraduate Office <pg-office@{slug}.{tld}>
{person} <{handle}@{slug}.{tld}>
"""),
    orgs=lines("""
University of Eastmoor
Carrick College
Whitby Hall University
Lowfield Institute of Technology
"""),
    decisions=lines("""
We are unable to offer you a place on the MSc {course} programme for the next intake.
Your application for admission has been carefully considered, but unfortunately it has not been successful.
I'm afraid I don't have space to take on another doctoral student next year, so I can't supervise your PhD.
The admissions tutor has decided not to offer you a place on the course.
Your application status has changed to: Unsuccessful.
The department has filled all the funded studentships for this year.
We cannot offer you a place on the foundation year, as your grades did not meet the entry requirements.
"""),
    context=lines("""
Entry to the programme was very competitive this year.
You may wish to look at our other postgraduate courses, some of which still have places.
Your personal statement and references were read by two academics.
Teaching starts in September, and the programme lasts twelve months full-time.
If you believe there was an error, you can request a review through the applicant portal.
The research proposal you sent was interesting and close to what my group works on.
"""),
    things=[
        "a place on the MSc {course}",
        "a place on our {course} course",
        "a funded PhD studentship in {course}",
        "admission to the {course} degree",
    ],
)

LENDING = Everyday(
    subjects=lines("""
Your loan application
Mortgage decision in principle
About your credit card application
Your overdraft request
Finance application {ref}
"""),
    senders=lines("""
{org} <no-reply@{slug}.{tld}>
{org} Mortgages <mortgages@{slug}.{tld}>
"""),
    orgs=lines("""
Greystone Bank
Lanner Building Society
Pennyworth Credit
"""),
    decisions=lines("""
We're sorry, but we can't approve your loan application at the moment.
After reviewing your mortgage application, we are unable to lend to you on this occasion.
Your credit card application has been declined.
We are not able to increase your overdraft limit right now.
This time we can't offer you finance for the car.
"""),
    context=lines("""
This decision was based on our lending criteria and information from credit reference agencies.
You can ask a credit reference agency for a free copy of your credit report.
A declined application does not stop you applying again in three months.
Your existing accounts with us are not affected.
Our mortgage advisers can talk you through other options if you book a call.
"""),
    things=[
        "the personal loan",
        "a mortgage on this property",
        "the credit card",
    ],
)

MEMBERSHIP = Everyday(
    subjects=lines("""
Audition results
Squad selection
Your membership request
Waiting list update
Trials - thank you
Re: joining the orchestra
"""),
    senders=lines("""
{org} <hello@{slug}.{tld}>
{person} <{handle}@{freemail}>
{org} Committee <committee@{slug}.{tld}>
"""),
    orgs=lines("""
Larkfield Community Choir
Westgate Rowing Club
Harbourside Amateur Dramatics
Millbrook Tennis Club
Sparrow Lane Youth Orchestra
"""),
    decisions=lines("""
Thank you for auditioning; unfortunately we don't have a place for you in the soprano section this season.
We've picked the squad for the league, and this time you haven't been selected.
The club is full at the moment, so we can't accept new members until the spring.
I'm sorry to say you didn't get the part, though the casting panel really enjoyed your reading.
You have been added to the waiting list, as all memberships for this year are taken.
We only had room for three new players, and we chose people who can make every Tuesday rehearsal.
"""),
    context=lines("""
Rehearsals are on Wednesday evenings in the church hall.
Please do come to our open evening next month; everyone is welcome.
You'd be welcome to train with the second team on Saturdays.
Membership fees are refunded in full if you paid in advance.
We'll get back in touch as soon as a space opens up.
The next auditions will be held in January.
"""),
    things=[
        "a place in the choir",
        "a spot on the first team",
        "membership of {org}",
        "a part in the spring play",
    ],
)

EVENTS = Everyday(
    subjects=lines("""
Your talk proposal
Decision on your submission
CFP results
Paper {ref}: notification
Your workshop proposal for {org}
"""),
    senders=lines("""
{org} Program Committee <program@{slug}.{tld}>
{org} Editorial Office <editor@{slug}.{tld}>
"""),
    orgs=lines("""
DataCraft Summit
Northern Open Source Days
Journal of Urban Computing
Applied Statistics Forum
"""),
    decisions=lines("""
We are sorry to let you know that your talk was not selected for the conference programme.
Following peer review, we are unable to accept your paper for publication.
Your workshop proposal was not accepted this year.
The programme committee could only accept a small number of submissions, and yours was not one of them.
The editor has decided to reject the manuscript, with the reviewers' comments below.
Your poster abstract has not been accepted.
"""),
    context=lines("""
We received over 300 proposals for 30 speaking slots.
The reviewers' comments are included at the end of this email.
We'd still love to see you at the event; here is a discount code for a ticket.
You may wish to revise the manuscript and submit it to another journal.
Lightning talks are chosen on the day, so bring your slides.
Thank you for supporting the community with your submission.
"""),
    things=[
        "a speaking slot at {org}",
        "a place in the {org} programme for your paper",
    ],
)

VOLUNTEERING = Everyday(
    subjects=lines("""
Volunteering with {org}
Your volunteer application
Re: helping at the food bank
Mentoring scheme: places
"""),
    senders=lines("""
{org} <volunteers@{slug}.{tld}>
{person} <{handle}@{slug}.{tld}>
"""),
    orgs=lines("""
Beacon Food Bank
Open Arms Shelter
Riverbank Conservation Trust
Lighthouse Reading Buddies
"""),
    decisions=lines("""
We had many more volunteers than shifts this winter, so we can't offer you a place on the rota.
The mentoring scheme is now full, and we are not able to match you with a young person this term.
Thank you for offering to help; unfortunately all the volunteer places for the fun run are taken.
We won't be able to place you with the reading buddies programme this time.
"""),
    context=lines("""
Your DBS check will stay valid if you volunteer with us later in the year.
We'll keep your details and get in touch about the next volunteering day.
Donations of tins and toiletries are always welcome at the front desk.
Thank you for wanting to give your time to the charity.
"""),
    things=[
        "a volunteer place with {org}",
        "a place on the mentoring scheme",
    ],
)

INSURANCE = Everyday(
    subjects=lines("""
Your claim {ref}
Claim decision
Update on your insurance claim
About your travel insurance claim
"""),
    senders=lines("""
{org} Claims <claims@{slug}.{tld}>
{org} <no-reply@{slug}.{tld}>
"""),
    orgs=lines("""
Bramble Insurance
Oakvale Home Cover
Steadfast Travel Insurance
"""),
    decisions=lines("""
We have reviewed your claim and, unfortunately, we are unable to pay it.
Your claim for the damaged phone has been declined, as accidental damage is not covered by your policy.
We cannot accept the claim because the loss happened before the policy started.
Our assessor has decided that the storm damage is excluded under the terms of your cover.
"""),
    context=lines("""
If you disagree with our decision, you can ask our complaints team to look at it again.
Your policy remains active and your premium is unchanged.
You may refer the matter to the financial ombudsman within six months.
Please keep the receipts and photos in case we need them later.
"""),
)

CONSOLING = Everyday(
    subjects=lines("""
thinking of you
Re: bad news
so sorry
chin up!
Re: how did it go?
"""),
    senders=lines("""
{person} <{handle}@{freemail}>
"""),
    orgs=lines("""
Mum
Auntie Rosa
"""),
    decisions=lines("""
I'm so sorry they turned you down, you worked really hard on that application.
Gutted to hear they went with someone else. Honestly, it's their loss.
Don't be too hard on yourself about the rejection, it happens to everyone.
Your sister told me the interview didn't work out. Sending you a big hug.
That email from them sounded so cold, I'm sorry you had to read it.
"""),
    context=lines("""
Want to come over for dinner on Sunday? I'll make the lasagne.
Let's go for a long walk this weekend and not talk about work at all.
Something better is going to come along, I'm sure of it.
Call me whenever you feel like talking.
Love you lots x
"""),
)

NEIGHBOURHOOD = Everyday(
    subjects=lines("""
[{org}] Lost dog - please look out
[{org}] Found: bicycle by the park gates
[{org}] Planning application refused
[{org}] Bin collection changes
[{org}] Street party - volunteers needed
"""),
    senders=lines("""
{org} <{slug}@googlegroups.com>
"""),
    orgs=lines("""
Holloway Close Neighbours
Fenwick Street Residents
Maple Ward Community
"""),
    decisions=lines("""
The council has turned down the planning application for the new flats behind the shops.
Our bid for a new crossing outside the school was unsuccessful, sadly.
Has anyone seen a small black terrier called Pip? She slipped her lead near the allotments.
Bin collections move to Thursdays from next week, and garden waste is now fortnightly.
We're looking for a few people to help set up tables for the street party on {date}.
"""),
    context=lines("""
Please share this with anyone on the street who isn't in the group.
You are receiving this because you joined the neighbourhood mailing list.
Reply to the group if you have any questions, or message me directly.
Thanks everyone, this is such a lovely community.
"""),
)

EVERYDAY = {
    "rental": RENTAL,
    "housing_coop": HOUSING_COOP,
    "funding": FUNDING,
    "admissions": ADMISSIONS,
    "lending": LENDING,
    "membership": MEMBERSHIP,
    "events": EVENTS,
    "volunteering": VOLUNTEERING,
    "insurance": INSURANCE,
    "consoling": CONSOLING,
    "neighbourhood": NEIGHBOURHOOD,
}
"""The kinds of everyday decision, each with its own senders and words."""

COURSES = lines("""
Environmental Management
Data Science
Public Health
Medieval History
Architecture
Applied Linguistics
""")

EVERYDAY_SIGNOFFS = [
    *lines("""
{person}
Thanks,\\n{person}
{person} ({org})
"""),
    "",
    "",
    "",
    "",
]
"""Mostly none: a sign-off says nothing about a job, and job mail closes the same way."""

FREEMAIL = lines("""
gmail.com
outlook.com
yahoo.co.uk
icloud.com
proton.me
""")

TLDS = lines("""
com
com
org
co.uk
net
""")

POLITE_NO = lines("""
Unfortunately your application for {thing} has not been successful on this occasion.
We have decided to offer {thing} to another applicant.
After careful consideration, we are unable to offer you {thing}.
I'm sorry to let you know that {thing} has gone to someone else.
We regret to inform you that we will not be taking your application for {thing} any further.
Thank you for applying for {thing}; we received many strong applications and have chosen someone else.
Sadly we won't be able to offer you {thing} this time.
We had a lot of interest in {thing}, and in the end we went with another applicant.
""")
"""A no in the words job rejections use, about a thing that is no job: only {thing} tells."""

# --- the other way: job rejections that mention housing or study ---

LIFE_ROLES = lines("""
Lettings Negotiator
Student Housing Assistant
Admissions Officer
Scholarships Coordinator
Grants Officer
Mortgage Adviser
Claims Handler
Volunteer Coordinator
Property Manager
PhD Research Intern
Postdoctoral Research Associate
Housing Support Worker
""")

LIFE_ALERT_ROLES = lines("""
Credit Risk Analyst
Property Management Assistant
Bid and Proposal Writer
Insurance Underwriter
Student Recruitment Officer
Tenancy Services Manager
Fundraising and Grants Manager
Loans Operations Associate
""")
"""More titles for job alerts: openings whose names share words with everyday decisions."""

ALERT_DIGESTS = lines("""
This month in the newsletter: how to talk about a career break, what the group interview day is really like, and the roles our members applied for most.
The year is nearly over, and hiring is picking up again: here are the openings we think suit the profile you saved.
Our careers team has rounded up the best of the week, from graduate schemes to senior management posts, all closing soon.
Members of the alumni group asked us for more roles outside London, so this issue has a few in Leeds, Bristol and Glasgow.
Whether you are after your first job or your next step, these employers are hiring now and reviewing applications on a rolling basis.
Tip of the week: tailor the first three lines of your cover letter to the job ad. Then have a look at the openings below.
We are seeing more part-time and flexible roles than at any point this year; here are the ones that match your alert.
Every Friday we send the jobs that were most viewed by people like you. This week's list is below.
""")
"""Career newsletters with openings in them: prose first, then the listings. Still job alerts."""

LIFE_DECISIONS = lines("""
Thank you for applying for the {role} position; after reviewing every application, we have decided to progress other candidates.
We know you'd planned to move into a flat near our office, so I'm sorry to tell you the team has chosen another candidate for the {role} role.
As the {role} job needs someone who can start before your master's degree ends, we won't be moving forward with your application.
The hiring panel enjoyed meeting you, but we have offered the {role} post to a candidate with more lettings experience.
Unfortunately your application for {role} in our student accommodation team has not been successful.
We were impressed that you're finishing a PhD alongside work, but we've filled the {role} vacancy with an internal candidate.
Because the role requires living within commuting distance and you're still looking for housing in the area, we've decided not to continue with your candidacy.
Your application for the {role} vacancy in our admissions office was carefully considered, but you have not been shortlisted for interview.
We are sorry to let you know that you were not selected for the {role} job in our grants team.
We won't be offering you the {role} position, as we need someone with a mortgage advice qualification.
Thank you for your time at the assessment centre; sadly we will not be offering you a place on the graduate scheme this year.
The university's recruitment panel has now met, and I regret that we cannot offer you the {role} post.
We're sorry to say that we are unable to offer you a place on our graduate programme this year.
Your application for the summer internship programme has not been successful on this occasion.
The hiring team has decided to offer the {role} position to another applicant who can relocate sooner.
Unfortunately we can't offer you a place on the apprenticeship scheme, as every place for this intake has been filled by other candidates.
Thank you for interviewing with us while you finish your degree; we have decided not to offer you the {role} job.
We had a very strong field for the {role} vacancy, and on this occasion your application has not been accepted.
""")

CASUAL_REJECTIONS = lines("""
thanks so much for coming in to meet the team. we've gone with someone else for the {role} job, but it was great to talk to you.
Quick one: we decided to hire a candidate with a bit more agency experience for the {role} spot. Sorry it's not better news!
Really enjoyed our chat last week. In the end the team picked another person for the role, someone who's done this exact job before.
hey, sorry for the slow reply. we went a different direction with the {role} hire, but I'd happily keep you in mind if anything opens up.
Just wanted to let you know personally that we offered the {role} job to someone else. You were a close second, honestly.
I'm afraid the founders went with another candidate for the position. Thanks for all the time you put into the take-home.
We loved your portfolio, but we're looking for someone more senior for this role, so we won't move ahead. Good luck out there!
The hiring manager got back to me and they're not taking you forward for the {role} job this time. Happy to pass on any feedback she gave.
Thanks for the call on Tuesday! We've filled the role now, so I'm closing your application on our side.
Bad news from our side, I'm afraid: budget for the {role} hire was cut and we're not filling it this quarter.
""")
"""Rejections people write by hand, short and friendly, as friends write: the job decides."""

LIFE_SUBJECTS = lines("""
Your application: {role}
{role} vacancy - outcome
Update on your {company} application
Re: {role} interview
Recruitment outcome - {role}
""")
