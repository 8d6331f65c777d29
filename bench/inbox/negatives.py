"""Everyday mail that is not a job rejection, though much of it says "unfortunately".

Each entry is a dict: `subkind`, `sender` (name, address), `subject`, `body`,
`robot` (the sender cannot be written to), `bulk` (a list mail with an
unsubscribe header) and optionally `html` (send an HTML part too).
"""

from __future__ import annotations

import random
from typing import Any

from .data import USER_FIRST

U = USER_FIRST


def _e(subkind: str, sender: tuple[str, str], subject: str, body: str, **kw: Any) -> dict:
    return {
        "subkind": subkind,
        "sender": sender,
        "subject": subject,
        "body": body,
        "robot": kw.get("robot", False),
        "bulk": kw.get("bulk", False),
        "html": kw.get("html", False),
    }


def hard_negatives(rng: random.Random) -> list[dict]:
    """About seventy messages; the first ones are the ones that sound most like a rejection."""
    out = [
        # ---- rental and landlords
        _e(
            "rental",
            ("Martha Quigley", "martha.quigley@harbourlets.example"),
            "14 Mill Lane - your application",
            f"Hi {U},\n\nThank you for viewing the flat at 14 Mill Lane on Saturday and for "
            "sending your references so quickly. Unfortunately, the landlord has decided to go "
            "with another applicant for the flat. I'm sorry it's not better news.\n\nWe have a "
            "similar two-bedroom coming up on Tanner Street next month; let me know if you'd like "
            "to see it.\n\nKind regards,\nMartha Quigley\nLettings Negotiator, Harbour Lets",
        ),
        _e(
            "rental",
            ("Lettings Team", "lettings@brookandbarrow.example"),
            "Your rental application - Flat 3, 22 Ashgrove Road",
            f"Dear {U} Halvorsen,\n\nThank you for your application to rent Flat 3, 22 Ashgrove "
            "Road. After careful consideration the landlord has decided not to proceed with your "
            "application on this occasion, as another applicant was able to move in sooner.\n\n"
            "Your holding deposit of £250 will be refunded within 7 days.\n\nYours sincerely,\n"
            "Daniel Fenwick\nBrook & Barrow Lettings",
        ),
        _e(
            "rental",
            ("Rentwise", "no-reply@rentwise.example"),
            "Update on your enquiry: 2 bed apartment, Canal Quarter",
            f"Hi {U},\n\nThe landlord of '2 bed apartment, Canal Quarter' has chosen another "
            "tenant and the listing is now closed. Don't worry, there are 14 new homes matching "
            "your search.\n\nSee homes: https://rentwise.example/search/8812\n\nThe Rentwise "
            "team\nYou're receiving this because you enquired about a listing. Unsubscribe.",
            robot=True,
            bulk=True,
            html=True,
        ),
        _e(
            "rental",
            ("Gerald Pike", "gerald.pike@mailhub.example"),
            "Re: the room",
            f"Hello {U},\n\nThanks for coming round on Tuesday, it was lovely to meet you. I've "
            "thought about it and I've decided to let the room to my niece, who needs somewhere "
            "close to her college. I'm sorry to disappoint you, and I hope you find somewhere "
            "soon.\n\nBest wishes,\nGerald",
        ),
        _e(
            "rental",
            ("Sunita Rao", "sunita@cityhomes-lettings.example"),
            "Viewing confirmed: 9 Orchard Row, Thursday 17:30",
            f"Hi {U},\n\nJust confirming your viewing of 9 Orchard Row on Thursday at 17:30. "
            "Please bring photo ID. If you can't make it, let me know.\n\nThanks,\nSunita\n"
            "City Homes Lettings",
        ),
        _e(
            "rental",
            ("Housing Co-op Allocations", "allocations@greenhousecoop.example"),
            "Housing co-op waiting list decision",
            f"Dear {U},\n\nThank you for applying to join Greenhouse Housing Co-operative. The "
            "allocations panel met on Monday; we regret that we are unable to offer you a place "
            "at this time, as we had many applicants with a local connection. You will remain on "
            "our waiting list for 12 months.\n\nIn co-operation,\nThe Allocations Panel",
        ),
        # ---- scholarships, admissions, grants
        _e(
            "scholarship",
            ("Vanterpool Foundation", "scholarships@vanterpool-foundation.example"),
            "Vanterpool Scholarship 2027 - outcome of your application",
            f"Dear {U} Halvorsen,\n\nThank you for applying for the Vanterpool Scholarship. We "
            "received over 900 applications this year. We regret to inform you that your "
            "application was not successful on this occasion.\n\nWe encourage you to apply again "
            "next year.\n\nYours sincerely,\nDr. Imelda Crowe\nScholarships Officer",
        ),
        _e(
            "scholarship",
            ("Eleanor Marsh", "e.marsh@northfield-trust.example"),
            "Your travel bursary application",
            f"Dear {U},\n\nThank you for your application to the Northfield Trust travel bursary. "
            "The committee enjoyed reading about your research plans, but I'm afraid we are "
            "unable to fund your proposal this round, as our budget was heavily oversubscribed. "
            "If you would like feedback, I'd be happy to arrange a short call.\n\nWith best "
            "wishes,\nEleanor Marsh\nGrants Manager, Northfield Trust",
        ),
        _e(
            "admission",
            ("Graduate Admissions", "admissions@univ-eastmoor.example"),
            "Decision on your application: MSc Data Science",
            f"Dear {U} Halvorsen,\n\nThank you for your application to the MSc Data Science "
            "programme at the University of Eastmoor. After careful consideration, we are unable "
            "to offer you a place on the programme for the 2027 intake. Competition for places "
            "was exceptionally strong.\n\nWe wish you every success with your future studies.\n\n"
            "Graduate Admissions Office\nUniversity of Eastmoor\n\nPlease do not reply to this "
            "automated message.",
            robot=True,
        ),
        _e(
            "admission",
            ("Prof. Anand Bhatt", "a.bhatt@westbrook-uni.example"),
            "PhD application - Computational Social Science",
            f"Dear {U},\n\nThank you for your interest in joining my group and for the "
            "thoughtful proposal. I'm sorry to say that I won't be able to take on a new PhD "
            "student this year; my funded positions have been filled by other candidates. You "
            "might contact Dr. Halley, whose work is close to yours.\n\nBest regards,\nAnand Bhatt",
        ),
        _e(
            "admission",
            ("UCAS-style Applications", "noreply@applyhub.example"),
            "There's been an update to your application",
            "There has been an update to your application. Log in to Track to see the latest "
            "decision from Kingsmere College: Unsuccessful.\n\nThis is an automated email, "
            "please do not reply.",
            robot=True,
        ),
        _e(
            "admission",
            ("Summer School Office", "summerschool@oxbridge-summer.example"),
            "Summer School 2027: application outcome",
            f"Dear {U},\n\nThank you for applying to the Summer School in Applied Statistics. "
            "Regrettably, we cannot offer you a place this year; the course is fully booked. "
            "You have been added to the reserve list.\n\nBest regards,\nSummer School Office",
        ),
        _e(
            "grant",
            ("Arts Council Funding", "grants-noreply@artsfund.example"),
            "Your funding application ref AF-22817",
            f"Dear {U} Halvorsen,\n\nWe have now assessed your application (ref AF-22817). We "
            "are sorry to tell you that it has been unsuccessful. Decisions are final.\n\nArts "
            "Fund Grants Team",
            robot=True,
        ),
        # ---- money
        _e(
            "loan",
            ("Meridian Bank", "noreply@meridianbank.example"),
            "Your personal loan application",
            f"Dear {U} Halvorsen,\n\nThank you for applying for a Meridian personal loan. "
            "Unfortunately, we are unable to approve your application at this time. This decision "
            "was based on information from credit reference agencies and our own lending "
            "criteria.\n\nYou can ask us for more information about this decision.\n\nMeridian "
            "Bank Lending Team\n\nThis mailbox is not monitored.",
            robot=True,
            html=True,
        ),
        _e(
            "loan",
            ("Callum Greer", "callum.greer@fairway-mortgages.example"),
            "Mortgage in principle",
            f"Hi {U},\n\nI've heard back from the lender. I'm afraid they've declined the "
            "mortgage in principle because of the short time in your current contract. I'd "
            "suggest we look at two other lenders who are more flexible; shall we have a quick "
            "call on Thursday?\n\nBest,\nCallum Greer\nMortgage Adviser, Fairway Mortgages",
        ),
        _e(
            "loan",
            ("Credit Card Team", "donotreply@lumacard.example"),
            "About your credit limit increase request",
            "We've reviewed your request for a credit limit increase and we're unable to approve "
            "it right now. You can request again in 6 months.\n\nLuma Card",
            robot=True,
        ),
        # ---- clubs, sports, auditions
        _e(
            "club",
            ("Riverside Tennis Club", "membership@riversidetennis.example"),
            "Membership application",
            f"Dear {U},\n\nThank you for applying for membership of Riverside Tennis Club. "
            "Unfortunately, our adult membership is currently full and we have not been able to "
            "offer you a place. You have been added to the waiting list (position 23).\n\n"
            "Kind regards,\nPauline Ashby\nMembership Secretary",
        ),
        _e(
            "club",
            ("Tom Hartley", "tom.hartley@eastmoor-rowing.example"),
            "Squad selection",
            f"Hi {U},\n\nThanks for coming to the trials on Sunday. We've picked the novice "
            "squad for the spring regatta and I'm sorry to say you haven't been selected this "
            "time. You were close, and your technique has come on a lot. Keep coming to the "
            "Tuesday sessions.\n\nTom\nHead Coach, Eastmoor Rowing Club",
        ),
        _e(
            "club",
            ("Cantoria Choir", "auditions@cantoria.example"),
            "Audition result",
            f"Dear {U},\n\nThank you for auditioning for Cantoria. The panel enjoyed hearing you, "
            "but we won't be offering you a place in the alto section this season. We would "
            "warmly welcome you to audition again in September.\n\nWith best wishes,\nIsobel "
            "Marchant, Musical Director",
        ),
        _e(
            "club",
            ("Allotments Officer", "allotments@eastmoor-council.example"),
            "Allotment waiting list",
            f"Dear {U} Halvorsen,\n\nYour application for an allotment plot has been received. "
            "There are currently no vacant plots, and the waiting time is around 3 years.\n\n"
            "Parks & Allotments",
        ),
        _e(
            "club",
            ("Sunday League", "fixtures@eastmoor-sundayleague.example"),
            "Team registration",
            f"Hi {U},\n\nSorry, the league is full for this season, so we couldn't accept your "
            "team's registration. We'll let you know when places open for next season.\n\n"
            "Cheers,\nMick (League Secretary)",
        ),
        # ---- conference and writing
        _e(
            "conference",
            ("PyData Northfield CFP", "cfp@pydata-northfield.example"),
            "Your proposal: 'Cleaning messy retail data with pandas'",
            f"Dear {U},\n\nThank you for submitting a talk to PyData Northfield 2027. We received "
            "over 300 proposals for 40 slots. Unfortunately, we were unable to accept your talk "
            "this year. Reviewer comments are available in your dashboard.\n\nWe hope to see you "
            "at the conference!\nThe Program Committee",
        ),
        _e(
            "conference",
            ("Jolene Ferris", "jolene.ferris@datadays.example"),
            "Data Days talk submission",
            f"Hi {U},\n\nThanks so much for your submission. I'm afraid the committee didn't "
            "select it for the main track: we had three other talks on forecasting. We'd love to "
            "have you give it as a lightning talk, though. Would that interest you?\n\nBest,\n"
            "Jolene Ferris\nProgram Chair, Data Days",
        ),
        _e(
            "conference",
            ("Workshop Chairs", "chairs@ml4good-workshop.example"),
            "[ML4Good 2027] Notification for paper #114",
            f"Dear {U} Halvorsen,\n\nWe regret to inform you that your submission #114 "
            "'Fair ranking in job matching' was not accepted to ML4Good 2027. The reviews are "
            "appended below.\n\nReview 1: The motivation is clear but the evaluation is limited."
            "\n\nBest regards,\nThe Workshop Chairs",
        ),
        _e(
            "conference",
            ("Meetup Organisers", "hello@analytics-meetup.example"),
            "Speaker slot for March",
            f"Hi {U},\n\nThanks for offering to speak. March is already full, sorry! Could we "
            "pencil you in for May instead?\n\nNina",
        ),
        _e(
            "writing",
            ("Kestrel Review Editors", "editors@kestrelreview.example"),
            "Your submission to Kestrel Review",
            f"Dear {U},\n\nThank you for sending us 'The Interview'. We read it with interest but "
            "it isn't right for us. We wish you luck placing it elsewhere.\n\nThe Editors",
        ),
        _e(
            "writing",
            ("Imani Cole", "imani.cole@bluequill-agency.example"),
            "Query: THE LONG WAIT",
            f"Dear {U},\n\nThank you for querying me with THE LONG WAIT. While there is a lot to "
            "admire, I'm afraid I didn't connect with it strongly enough to offer representation. "
            "This is a subjective business, and another agent may feel differently.\n\nAll best,"
            "\nImani Cole\nBlue Quill Literary Agency",
        ),
        # ---- volunteering, marketplace, other decisions
        _e(
            "volunteering",
            ("Volunteer Coordinator", "volunteers@cityfoodbank.example"),
            "Thank you for offering to volunteer",
            f"Hi {U},\n\nThank you so much for offering to help at the Saturday food bank. We've "
            "filled all our volunteer places for the winter, but I'll keep your details and be in "
            "touch in spring.\n\nWarmly,\nPriscilla",
        ),
        _e(
            "marketplace",
            ("Giles", "giles.w@webpost.example"),
            "Re: Bike for sale",
            f"Hi {U}, sorry, the bike went to someone who could pick it up today. Good luck "
            "finding one!",
        ),
        _e(
            "marketplace",
            ("TradeLoop", "notifications@tradeloop.example"),
            "Your offer on 'Ikea desk, white' was declined",
            "The seller declined your offer of £30. You can make a new offer or browse similar "
            "items.\n\nTradeLoop",
            robot=True,
            bulk=True,
        ),
        _e(
            "school",
            ("Little Acorns Nursery", "office@littleacorns.example"),
            "Nursery place",
            f"Dear {U},\n\nThank you for visiting Little Acorns. I'm sorry to say we don't have a "
            "place for your nephew in January, as the room is full. We can add him to our "
            "waiting list.\n\nBest wishes,\nJanet, Nursery Manager",
        ),
        _e(
            "hackathon",
            ("HackEastmoor", "team@hackeastmoor.example"),
            "HackEastmoor 2027 application",
            f"Hi {U}! Thanks for applying to HackEastmoor. We had 4x more applicants than spaces, "
            "and unfortunately we couldn't offer you a spot this year. You're on the waitlist.\n\n"
            "The HackEastmoor team",
        ),
        _e(
            "visa",
            ("Visa Appointments", "no-reply@visa-appointments.example"),
            "Appointment request could not be completed",
            "We were unable to book your appointment: no slots are available at the selected "
            "centre. Please try again later.\n\nThis is an automated message.",
            robot=True,
        ),
        _e(
            "insurance",
            ("Claims Team", "claims@homesafe-insurance.example"),
            "Claim HS-55102 - decision",
            f"Dear {U} Halvorsen,\n\nWe have reviewed your claim HS-55102 for the damaged laptop. "
            "Unfortunately, accidental damage is not covered by your policy, so we are unable to "
            "pay this claim.\n\nIf you disagree, you can ask us to review it.\n\nLouise Patel\n"
            "Claims Handler",
        ),
        # ---- neighbourhood and friends
        _e(
            "neighbourhood",
            ("Ashgrove Neighbours", "ashgrove-neighbours@groups.example"),
            "[Ashgrove] Lost cat - Biscuit, ginger tom",
            "Hi all, our cat Biscuit (ginger, white paws, blue collar) hasn't come home since "
            "Sunday night. He's very friendly. Please check sheds and garages! Call Anna on "
            "07700 900123.\n\n--\nYou received this message because you are subscribed to "
            "Ashgrove Neighbours. To unsubscribe, email ashgrove-neighbours+unsubscribe@groups."
            "example",
            bulk=True,
        ),
        _e(
            "neighbourhood",
            ("Ashgrove Neighbours", "ashgrove-neighbours@groups.example"),
            "[Ashgrove] Re: Lost cat - Biscuit, ginger tom",
            "Biscuit is home!! Found him in number 41's greenhouse. Thank you everyone.\n\nAnna",
            bulk=True,
        ),
        _e(
            "neighbourhood",
            ("Ashgrove Neighbours", "ashgrove-neighbours@groups.example"),
            "[Ashgrove] Street party planning",
            "Hi neighbours, the council has unfortunately declined our road closure for the 14th, "
            "so we'll move the street party to the park. Volunteers for the barbecue welcome!",
            bulk=True,
        ),
        _e(
            "family",
            ("Mum", "annelise.halvorsen@mailhub.example"),
            "Sunday",
            "Hi love, are you coming for lunch on Sunday? Dad's doing the roast. Don't worry about "
            "the job hunting, something will turn up. Love, Mum x",
        ),
        _e(
            "friend",
            ("Theo", "theo.b@webpost.example"),
            "Climbing Thursday?",
            "Wall at 7? I'll bring the spare harness. T",
        ),
        _e(
            "friend",
            ("Samira Young", "samira.young@postbox.example"),
            "Photos from the weekend",
            f"Hi {U}, here are the photos from Saturday! The one of you falling in the river is my "
            "favourite. x",
        ),
        # ---- receipts and service mail
        _e(
            "receipt",
            ("ShopCo", "orders@shopco.example"),
            "Your ShopCo order #204-881723 has shipped",
            "Hello Noor,\n\nYour order has shipped and will arrive Thursday.\n\n1 x USB-C charger "
            "£19.99\n\nTrack your package: https://shopco.example/track\n\nShopCo",
            robot=True,
            html=True,
        ),
        _e(
            "receipt",
            ("RideNow", "receipts@ridenow.example"),
            "Your Tuesday evening trip with RideNow",
            "Thanks for riding, Noor. Total £12.40. Trip from Station Road to Ashgrove Road.",
            robot=True,
            html=True,
        ),
        _e(
            "receipt",
            ("Corner Books", "hello@cornerbooks.example"),
            "Receipt for your order",
            "Thank you for your order! 'What Color Is Your Parachute?' - £14.99. Paid by card "
            "ending 4417.",
            robot=True,
        ),
        _e(
            "receipt",
            ("Eastmoor Energy", "billing@eastmoor-energy.example"),
            "Your December bill is ready",
            "Your bill for 1-31 December is £84.12. It will be collected by direct debit on the "
            "14th.",
            robot=True,
            html=True,
        ),
        _e(
            "receipt",
            ("StreamBox", "no-reply@streambox.example"),
            "Your payment failed",
            "We couldn't process your payment for StreamBox Premium. Please update your payment "
            "details to keep watching.",
            robot=True,
        ),
        _e(
            "receipt",
            ("GymFlex", "membership@gymflex.example"),
            "Membership freeze confirmed",
            "Your membership is frozen from 1 to 31 January. We'll see you in February!",
            robot=True,
        ),
        _e(
            "receipt",
            ("Railway Tickets", "tickets@railgo.example"),
            "Your e-ticket: Eastmoor to Leeds",
            "Your tickets for 12 January, Eastmoor 07:42 to Leeds. Booking ref 7XK2PQ.",
            robot=True,
            html=True,
        ),
        _e(
            "receipt",
            ("Parcel Courier", "noreply@parcelpal.example"),
            "Sorry we missed you",
            "We tried to deliver your parcel today but nobody was in. We'll try again tomorrow.",
            robot=True,
        ),
        _e(
            "receipt",
            ("Cloud Storage", "billing@cloudvault.example"),
            "Receipt from CloudVault",
            "Amount paid: $2.99. CloudVault 100 GB, monthly.",
            robot=True,
        ),
        _e(
            "receipt",
            ("Dr Patel's Surgery", "reception@ashgrove-surgery.example"),
            "Appointment reminder",
            "Reminder: you have an appointment with Dr Patel on Wednesday at 10:20.",
            robot=True,
        ),
        _e(
            "receipt",
            ("Eastmoor Library", "library-noreply@eastmoor-council.example"),
            "Items due soon",
            "The following items are due back on 20 January: 'The Art of Statistics'. Renew "
            "online.",
            robot=True,
        ),
    ]
    # ---- newsletters: some about job hunting, which is where the word "rejection" lives
    letters = [
        (
            "CareerCraft Weekly",
            "newsletter@careercraft.example",
            "How to reply to a rejection email (with templates)",
            "This week: got a 'we regret to inform you'? Here's how to reply gracefully, ask "
            "for feedback and keep the door open. Template 1: 'Thank you for letting me know...'",
        ),
        (
            "The Data Digest",
            "digest@datadigest.example",
            "Data Digest #212: dbt tips, a SQL puzzle and jobs",
            "In this issue: incremental models in dbt, the window-function puzzle of the week, "
            "and 12 new analytics jobs from our partners.",
        ),
        (
            "Morning Brief",
            "brief@morningbrief.example",
            "Tuesday: markets wobble, rail strike, the weekend weather",
            "Good morning. Markets fell overnight... Read the full brief online.",
        ),
        (
            "Hiring Insider",
            "hello@hiringinsider.example",
            "Why recruiters ghost (and what to do about it)",
            "Recruiters told us why they stop replying. Plus: the five lines every follow-up "
            "note needs, and why you should never argue with a rejection.",
        ),
        (
            "Eastmoor Cinema",
            "news@eastmoorcinema.example",
            "This week at the cinema",
            "New releases, the Tuesday classics club, and 2-for-1 on Wednesdays.",
        ),
        (
            "Product People",
            "community@productpeople.example",
            "Community update: events, AMA, job board",
            "Join our AMA with a VP of Product on Thursday. New on the job board: 34 roles.",
        ),
        (
            "GreenThumb",
            "tips@greenthumb.example",
            "Winter pruning: what to cut and what to leave",
            "It's time to prune the apple trees. Here's our guide.",
        ),
        (
            "Remote Work Weekly",
            "editor@remoteweekly.example",
            "Remote Work Weekly: 'Unfortunately, we've decided...' - decoding recruiter-speak",
            "What 'we've decided to move forward with other candidates' really means, and "
            "whether to reply. Also: 40 remote jobs.",
        ),
        (
            "Local Council News",
            "news@eastmoor-council.example",
            "Bin collection changes over the holidays",
            "Collections move by one day during the holiday weeks.",
        ),
        (
            "Running Club",
            "club@eastmoor-runners.example",
            "Parkrun Saturday + club social",
            "Meet at the gate at 8:45. Social at the Fox & Hound afterwards.",
        ),
        (
            "Recipe Box",
            "hello@recipebox.example",
            "5 soups for a cold week",
            "Lentil, leek and potato, spiced squash, minestrone and miso.",
        ),
        (
            "Alumni Office",
            "alumni@univ-eastmoor.example",
            "Alumni careers fair: 3 February",
            "Meet 60 employers at the alumni careers fair. Register now.",
        ),
    ]
    for name, addr, subject, body in letters:
        out.append(
            _e(
                "newsletter",
                (name, addr),
                subject,
                body + "\n\nYou are receiving this because you subscribed. Unsubscribe | "
                "Manage preferences",
                robot=True,
                bulk=True,
                html=True,
            )
        )
    rng.shuffle(out)
    return out


def consoling(company: str, friend: tuple[str, str], rng: random.Random) -> dict:
    """A friend's kind words after a rejection: mentions the company, is no rejection."""
    name = friend[0].split()[0]
    body = rng.choice(
        [
            f"Oh {U}, so sorry about {company}! Honestly their loss. You were way overqualified "
            "for that team anyway. Drinks on me Friday?\n\n{n}",
            f"Just saw your message about {company}. Gutted for you. They said they went with "
            "another candidate? Ridiculous. Call me later if you want to vent.\n\nx {n}",
            f"Hey, sorry to hear about {company}. Rejections are rubbish, but you'll find "
            "something better. Want to come round for dinner?\n\n{n}",
        ]
    ).replace("{n}", name)
    return _e("friend_consoling", friend, rng.choice([f"{company} :(", "Thinking of you"]), body)


def job_alerts(rng: random.Random, companies: list[Any], roles: list[str]) -> list[dict]:
    out = []
    for i in range(16):
        picks = rng.sample(companies, 4)
        jobs = "\n".join(
            f"{rng.choice(roles)}\n{c.name} · {c.city}\nApply with your profile" for c in picks
        )
        if i % 3 == 0:
            sender = ("LinkedIn Job Alerts", "jobalerts-noreply@linkedin.com")
            subject = f"{rng.choice(roles)}: {picks[0].name} and {rng.randint(5, 30)} more jobs"
            body = (
                "Your job alert for data analyst in Rotterdam\n\n"
                f"{jobs}\n\nSee all jobs\n\nYou are receiving Job Alert emails. Unsubscribe"
            )
        elif i % 3 == 1:
            sender = ("JobFinder", "alerts@jobfinder.example")
            subject = f"{rng.randint(8, 40)} new jobs for 'analyst' near you"
            body = f"New jobs matching your search:\n\n{jobs}\n\nManage your alerts | Unsubscribe"
        else:
            sender = (picks[0].name + " Careers", f"talent-community@{picks[0].domain}")
            subject = f"New roles at {picks[0].name} that match your interests"
            body = (
                f"Hi {U},\n\nAs a member of the {picks[0].name} talent community, here are new "
                f"openings that match your profile:\n\n{jobs}\n\nUpdate your preferences or "
                "unsubscribe."
            )
        out.append(_e("job_alert", sender, subject, body, robot=True, bulk=True, html=True))
    return out
