# ruff: noqa: E501  (one phrasing per line reads better than wrapped data)
"""Kinds of job mail the first pools lacked: status notices, take-homes, personal
outreach, calendar invites, and everyday mail that talks about jobs without being
job-process mail.

These are written to overlap in wording with the other categories on purpose
("under review", "thanks for your patience", "next steps", "interview"), so the
model has to learn what decides a category instead of which template it came
from. All phrasings are the project's own; names and companies are fake.
"""

from gracefully.understand.examples.phrases import lines

STATUS_SUBJECTS = lines("""
Your application is in progress
Application status update: {role}
Still reviewing your application - {company}
Where things stand with your {company} application
A quick update on your application
Reminder: your application for {role} is under review
Next steps for your application to {company}
We're still working through applications
Your candidacy at {company}: in review
Reminder: complete your candidate profile
Action needed: confirm your contact details
Thanks for your patience, {name}
Update: {role} ({req})
Checking in on your application
""")

STATUS_CORE = lines("""
Just a short note to say that your application for {role} is still being reviewed.
We haven't forgotten about you: the hiring team is still working through applications for {role}.
Your application is currently with the hiring manager, and we expect to have an update within two weeks.
No decision has been made yet on your application for {role}; we'll let you know as soon as there is news.
We've had a very large response to this opening, so reviewing every application is taking us longer than planned.
Your application has moved to the next stage of our review, where the hiring team will look at it more closely.
There's nothing you need to do at the moment; we'll be in touch once the review is complete.
Your status for requisition {req} is now: In review.
This is a reminder that your candidate profile is missing your work history; please add it so we can consider your application.
We just wanted to check in and let you know your application is still active.
The team is taking the time to read each application carefully, so thank you for bearing with us.
Your application has been forwarded to the department for review.
Our hiring process for {role} is running a little behind schedule, but your application is still in the mix.
You're still in the running for {role}; the shortlist has not been drawn up yet.
Heads up: the closing date for {role} has passed and we are now reviewing every application we received.
Please confirm that your phone number and email are still correct so the recruiter can reach you.
We noticed you started an application for {role} but haven't submitted it yet. It only takes a few more minutes.
""")

STATUS_NEXT = lines("""
Here is what happens next: a recruiter reviews your profile, then the hiring manager decides who to invite for a first conversation.
You will hear from us either way.
Thanks for your patience while we work through this.
If anything changes on your side, just reply to this email.
You can follow the progress of your application in your candidate portal at {link}.
We'll write again as soon as we have news.
We expect to finish reviewing applications by {date}.
""")

CONFIRMATION_HEDGES = lines("""
If your background isn't the right match for this opening, we may still consider you for other roles.
Should we decide not to move forward, you will receive an email from us; if we'd like to talk, a recruiter will call you.
We're not able to reply personally to every applicant, but every application is read.
Please don't be discouraged if you don't hear from us right away; reviews can take a few weeks.
Unfortunately we cannot accept applications sent by email, so please keep using the candidate portal for any updates.
If you are not contacted within four weeks, the role may have been filled; your profile stays in our system for future openings.
Thank you for applying here! Your application is being reviewed, and you can track its status in your candidate home.
We've got your CV and will get in touch should the hiring team want to talk about it.
Should this opening not work out, we will hold your details on file and consider them for later vacancies.
Your details are now stored in our talent database, and we will come back to you when an opening suits your profile.
A recruiter now has your resume and will call you if your experience lines up with what the team needs.
Because so many people apply, we can only promise to reply when there is a close fit with the requirements.
Please allow seven to ten working days for the team to look at your application.
In the meantime, feel free to browse our other vacancies and apply to anything else that suits you.
Once the review is done, we'll contact you about next steps if it looks like a good fit.
""")
"""Acknowledgements that mention what could go wrong: a conditional is not a decision."""

WELL_WISHES = lines("""
We wish you the very best with your job search.
Good luck in your career search, and thank you for thinking of us.
Best of luck with everything you do next!
We hope you find a role you love, wherever it may be.
Wishing you every success in your search, and thanks again for your interest in {company}.
We appreciate your interest in working with us and wish you well.
""")
"""Closings that wish the candidate luck: acknowledgements use them as often as rejections."""

TAKE_HOME_SUBJECTS = lines("""
Case study for the {role} interview
Your {company} coding exercise
Next stage: work sample for {role}
{company} | Technical exercise
Invitation to complete a Codility task
TestGorilla assessment from {company}
Written exercise - {role} application
Here's the take-home we discussed
Re: {role} - next step is a short exercise
Complete your skills assessment by {date}
{company} take-home: {role}
""")

TAKE_HOME_CORE = lines("""
As discussed, the next step is a short take-home exercise; the brief and a sample dataset are at {link}.
We'd like you to prepare a case study and present it to the panel in your next conversation.
Here's the coding exercise we mentioned. Please send back your solution within five days.
You have been invited by {company} to complete a Codility task. The test takes about 60 minutes once you start.
{company} has invited you to take an assessment on TestGorilla. Click the button below to begin.
Please work through the attached case and send us a short written recommendation, no more than two pages.
The exercise should take about three hours; please don't spend much longer than that.
To move forward, we ask every candidate to complete a small work sample based on a real problem from our team.
Your HackerRank challenge is ready: 2 questions, 75 minutes, any language you like.
Please submit your answers to the written questions through the link below by {date}.
The next stage is a practical task: build a small REST API that meets the requirements in the brief.
We'd like to see how you approach a problem like ours, so we've prepared a short analysis task.
Great chatting earlier! As promised, here's the take-home: a CSV of orders and one open question about returns.
What we'd like back: your code, and a one-page summary written for a non-technical manager.
""")

TAKE_HOME_EXTRA = lines("""
Upload your files through the link in the brief when you're done.
You can use SQL, Python or R, whichever you prefer.
We'll review your submission within a week and get back to you about the next step.
If the deadline doesn't work for you, let me know and we can find another date.
Please include a short README explaining your choices.
The timer starts when you open the first question, so find a quiet moment before you begin.
Any questions about the brief, just ask.
""")

OUTREACH_SUBJECTS = lines("""
{role} at {company}?
Open to a conversation about {company}?
Intro: {company} is hiring
{name}, quick question
A role I think you'd like
Thought of you for this one
Exploring new opportunities?
Coffee chat about {role}?
Referred by a former colleague
Your background + {company}
""")

OUTREACH_CORE = lines("""
I lead talent acquisition at {company}, and your name came up when I asked around for strong analysts.
A former colleague of yours suggested I get in touch about a role on our team.
We're building out our data team at {company} and I think your background in experimentation would be very relevant.
Would you be up for a 20-minute call next week, even if you aren't actively looking?
Happy to send over the full job description before we talk, so you can decide whether it's worth your time.
I run recruiting for a small, senior team that reports directly to our COO, and we're hiring a {role}.
Your profile stood out while I was searching for people with your mix of skills; would you be interested in hearing more?
I'm not sure if the timing is right for you, but I wanted to share an opportunity that seems like a strong match.
I'm a recruiter at an agency that places data and engineering professionals, and one of my clients asked me to find a {role}.
Saw your talk at the meetup last month and wanted to reach out about a position on our team.
No pressure at all; if now isn't a good time, I'd love to stay in touch for the future.
The role is fully remote, pays between 95k and 115k, and the team is small and friendly.
I help companies like {company} hire, and I think you might be interested in what they're building.
Are you open to hearing about new roles? I have something that fits your experience closely.
If this isn't for you, do you know anyone who might be a good fit?
""")

SCHEDULING_SUBJECTS = lines("""
Invitation: {company} interview - {name} @ {date} {time}
Updated invitation with note: Hiring manager chat @ {date}
Accepted: Technical interview with {recruiter}
Interview confirmation: {role}
Rescheduled: your interview with {company}
Scheduling your next conversation with {company}
Your panel interview details
Final round agenda - {company}
""")

SCHEDULING_CORE = lines("""
{recruiter} has invited you to an event: {company} interview, {date}, {time}, 45 minutes. Join with Google Meet.
Join with Google Meet: meet.google.com/xqr-tmpa-kvz\\nJoin by phone: +1 414-555-0147 PIN: 992 117#
Microsoft Teams meeting. Join on your computer, mobile app or room device. Meeting ID: 281 447 903 66 Passcode: 7hQk2a
Thank you for your time today; the team would like you to meet the hiring manager for a second conversation.
Please pick a time for your interview using this scheduling link: {link}
I've sent a calendar invite for {date} at {time}; let me know if you need to move it.
Your interview has been rescheduled to {date} at {time}. The video link is unchanged.
Here is the agenda for your final round: a 45-minute case discussion, lunch with the team, and a chat with the director.
Great speaking with you earlier! The next step is a technical interview with two of our engineers.
Thanks for chatting with me on Monday. Next step is a video call with the hiring manager; would Thursday or Friday work for you?
Following your final round, the team would like one more short conversation with you about the scope of the role.
We'd like to invite you to interview for the {role} position. Please reply with three times that suit you next week.
Your interviewers will be {recruiter} (hiring manager) and a senior member of the team.
This event has been changed: the interview now starts at {time}.
Can we move our call to {date}? Something came up on my side, sorry for the short notice.
Thanks for applying! I'm the recruiter for this team and I'd like to set up a 30-minute phone screen about your experience.
You can book any open slot on my calendar here: {link}
Your application stood out to the hiring team, and we'd like to talk with you about the {role} role this week.
Would you be free for a quick video call on {date}? It's an informal first conversation with the team lead.
""")

SCHEDULING_EXTRA = lines("""
When: {date} {time} - 45 min. Where: Zoom (link in the invite). Organizer: {recruiter}.
View all guest info. Reply for this event: Yes / No / Maybe. More options.
Please bring a photo ID and arrive ten minutes early; ask for me at reception.
You don't need to prepare anything special, just be ready to talk about your past projects.
Invitation from Google Calendar. Forwarding this invitation could allow any recipient to send a response to the organizer.
Going? Yes - Maybe - No. You are receiving this because you are an attendee on this event.
Before we talk, it may help to know our stack: Python, dbt and Postgres, with a bit of Spark for the bigger jobs.
In the call we'll go over your background, the team's projects and what you're looking for next.
Don't worry about preparing slides; it's a conversation, not a test.
""")

EVENT_SUBJECTS = lines("""
Reminder: Dentist check-up @ {date} {time}
Invitation: Team lunch @ {date} {time}
Updated invitation: Quarterly planning @ {date}
Accepted: Book club
Invitation: 1:1 with your manager @ {date} {time}
Reminder: Parents' evening @ {date}
Invitation: Webinar - spreadsheets for small businesses
Canceled event: Yoga class @ {date} {time}
""")

EVENT_CORE = lines("""
Reminder: your dental check-up is on {date} at {time}. Please arrive five minutes early.
{recruiter} has invited you to Team lunch at the Italian place on the corner, {date} at {time}.
The quarterly planning meeting has moved to {date}; please bring your budget numbers.
Book club this month: we're discussing chapters 5 to 9. Snacks are on me.
Your weekly 1:1 with your manager, {date} at {time}, in the small meeting room.
Parents' evening appointments are ten minutes long; your slot is at {time}.
This event has been canceled by the organizer: Yoga class, {date} {time}.
Your car is booked in for its annual service on {date} at {time}.
""")

EVERYDAY_SUBJECTS = lines("""
Quick update on the kitchen renovation
Project update: week 12
An update on Saturday's match
Service update: planned maintenance tonight
Update to our privacy policy
Your order update
Update on the allotment committee
Re: update on the house move
Quick update
""")
"""Plain "update" mail: the word alone says nothing about an application."""

ADJACENT_SUBJECTS = lines("""
Career fair next week
Your payslip is ready
Benefits open enrollment closes soon
Visa appointment confirmation
Your case status has been updated
Who viewed your profile
Complete your profile
Re: reference request
Good luck tomorrow!
5 interview questions you should prepare for
Timesheet reminder
Your job board account
Re: your CV
Alumni mentoring programme
Your leave request
""")

UNIVERSITY = lines("""
Career services: the spring job fair is on {date}; bring printed copies of your CV and come early.
Your official transcript has been sent to the address you gave us.
Reminder: registration for next term's modules closes on Friday.
The alumni mentoring programme is looking for volunteers who work in data and technology.
Drop-in CV and cover letter clinics run every Wednesday afternoon in the library.
Your thesis submission deadline is {date}; the submission portal opens a week earlier.
Graduation tickets are now available to order through the student portal.
""")

IMMIGRATION = lines("""
Your biometrics appointment is booked for {date} at {time} at the visa application centre.
Case status update: the documents for your work permit application are under review by an officer.
We have received your visa application fee. Your reference number is {req}.
Please bring your passport and appointment letter to the embassy on the day of your interview.
Your residence permit card is ready to collect.
""")

WORKPLACE = lines("""
Your payslip for this month is now available in the employee portal.
Open enrollment for health and dental benefits ends on {date}.
Please submit your timesheet for this week by Friday at 5pm.
Your annual performance review with your manager is scheduled for next week.
Reminder: complete the mandatory security awareness training before the end of the month.
Your expense report has been approved and will be paid with your next salary.
Your leave request for {date} has been approved by your manager.
The office will be closed on Monday for the public holiday.
""")

JOB_BOARD_ACCOUNT = lines("""
Your profile was viewed by 4 recruiters this week. Upgrade to Premium to see who they are.
Your resume is now visible to employers searching our database.
Someone asked to reset the password for your job board account.
Complete your profile to get better job matches and stand out to employers.
We've updated our terms of service for job seekers; nothing changes for your saved applications.
Your account will be deactivated after 12 months of inactivity unless you sign in.
Add a profile photo: members with photos get more messages from recruiters.
""")

CAREER_ADVICE = lines("""
This week: five questions you should prepare for in a behavioural interview, and how to answer them.
How to write a cover letter that a busy hiring manager will actually read.
Join our free webinar on salary negotiation next Thursday evening.
Our guide to following up after an application without being pushy.
Why most resumes are rejected in six seconds, and what to do about it.
""")

FRIENDS = lines("""
Good luck with your interview tomorrow! Call me afterwards and tell me everything.
Can you look over my CV before I send it off? No rush.
I'm happy to be a reference for you; just send me the job description and the recruiter's name.
Did you hear back from that company yet? Fingers crossed for you.
My team is hiring, if you know anyone who'd be interested let me know and I'll pass their CV on.
""")

CANDIDATE_NOTES = lines("""
Thank you for letting me know, and for the time you and the team spent with me during the process.
Could you share any feedback on my application? It would help me a lot with future applications.
I'd like to withdraw my application for {role}, as I have accepted another offer.
I'm following up on my application for {role}, submitted on {date}. Is there any update you can share?
Thank you for the interview today; I enjoyed learning about the team and the work ahead.
I understand the decision, and I'd be glad to be considered for future openings at {company}.
Thanks for the update. Please do keep my details on file, and I hope our paths cross again.
""")
"""Notes a job seeker writes: they quote and echo employers' words, and are never one."""

OTHER_ADJACENT = [
    UNIVERSITY,
    IMMIGRATION,
    WORKPLACE,
    JOB_BOARD_ACCOUNT,
    CAREER_ADVICE,
    FRIENDS,
    CANDIDATE_NOTES,
]

BOILERPLATE_HEAD = lines("""
View this email in your browser
Having trouble viewing this email? Open it online.
{company} | Careers | Jobs | About us | Contact
Home · Jobs · My applications · Help
""")

BOILERPLATE_FOOT = lines("""
© 2026 {company}. All rights reserved.
123 Harbour Street, Suite 400, Springfield, ST 00000
Privacy policy | Terms of use | Unsubscribe | Manage preferences
This message was sent to you because you have an account with us.
Follow us: LinkedIn | Instagram | YouTube
If you no longer wish to receive these emails, update your preferences here.
""")
