# ruff: noqa: E501  (one phrasing per line reads better than wrapped data)
"""Category recipes for the example generator: subjects and sentence pools per part.

A recipe is a list of parts; each part has a probability and a pool, and the
generator draws one line from each part that fires. All phrasings are the
project's own.
"""

from gracefully.understand.examples.phrases import lines

REJECTION_SUBJECTS = lines("""
Your application to {company}
Update on your application for {role}
{company} | Application update
Regarding your candidacy - {role}
Thank you for your interest in {company}
{role} at {company}
Application status: {role} ({req})
Following up on your interview with {company}
An update from {company} Recruiting
Your {company} application
Re: {role} - next steps
Thank you from {company}
Important information about your application
""")

REJECTION_OPENINGS = lines("""
Thank you for your interest in the {role} position at {company}.
Thank you for applying to {company} and for the time you invested in your application.
We appreciate you taking the time to apply for the {role} role.
Thanks so much for your interest in joining {company} as a {role}.
Thank you for submitting your application for {role} (Req {req}).
Thank you for taking the time to speak with our recruiting team about the {role} opening.
Thank you for completing the online assessment for the {role} position.
Thanks again for coming in to meet the team last week, we enjoyed our conversations.
Thank you for interviewing with us for the {role} role, it was a pleasure to get to know you.
We are grateful for the time you spent on the take-home exercise for {role}.
Thank you for your recent inquiry into employment opportunities with {company}.
I wanted to reach out personally after your final round with our team.
Thank you for applying for the {role} role with us, and for your patience while we reviewed applications.
We received a large number of applications for the {role} position and carefully reviewed each one.
""")

REJECTION_DECISIONS = lines("""
Unfortunately, we will not be moving forward with your application at this time.
After careful consideration, we have decided not to proceed with your candidacy.
We regret to inform you that you have not been selected for this position.
We have decided to pursue other candidates whose experience more closely matches our needs.
Regrettably, we are unable to offer you a position at this time.
After much deliberation, the team has chosen not to advance your application to the next stage.
We will not be progressing your application further.
Unfortunately we are not able to offer you further consideration for this role.
I'm sorry to let you know that we've decided to go in a different direction.
Your application was not successful on this occasion.
We won't be moving ahead with your candidacy for the {role} position.
At this time we have decided to move forward with candidates whose qualifications better fit the role.
After reviewing your profile, we will not be inviting you to interview.
The hiring team has decided not to extend an offer.
Sadly, we will not be able to take your application further.
We are unable to move your application forward in our process.
{company} has decided not to take your application to the next step.
The hiring team at {company} did not choose your application to go further in the process.
{company} won't be progressing your application for the {role} job.
Your application for {role} has been declined.
Your candidacy status has been updated to: Not Selected.
We're sorry to tell you that your resume was not chosen for the next round.
We are no longer reviewing applications for this particular position.
We are writing to let you know that, unfortunately, this position has been closed.
We regret that we are unable to consider your application for this position.
Unfortunately, your profile was not shortlisted for this opening.
We have decided not to move forward with your application, but that doesn't have to be the end of the road.
You were not selected to continue in the recruitment process.
I'm afraid we won't be taking your application any further.
Following a review of your application, we will not be moving you to the interview stage.
We have reviewed your application and regret to say it has not been successful.
We have now concluded the selection process and unfortunately you were not successful.
""")

REASON_SENTENCES = {
    "other_candidate": lines("""
We have selected candidates whose background is a closer match to the requirements.
We received applications from many highly qualified candidates and have chosen to move forward with others.
The competition for this role was very strong and we decided to progress other applicants.
Another applicant's experience aligned more closely with what the team needs right now.
"""),
    "position_filled": lines("""
The position has now been filled.
We have offered the role to another candidate, who has accepted.
This vacancy is no longer open as we have made a hire.
We selected another candidate for the role.
"""),
    "internal_candidate": lines("""
We have decided to fill the role with an internal candidate.
The position was filled through an internal transfer.
We are prioritising internal applicants for this opening.
An existing team member has been appointed to the position.
"""),
    "role_changed": lines("""
The requirements for this position have changed since you applied.
The team has restructured the role and the job description no longer matches what you applied for.
We have revised the scope of the position, which now calls for a different profile.
The role has been redefined as a more senior position.
"""),
    "role_closed": lines("""
The position has been put on hold due to a change in business priorities.
The requisition has been cancelled.
Due to a hiring freeze, we are no longer recruiting for this role.
Budget changes mean that we will not be filling this position.
We have decided to close this opening.
The role is no longer available.
"""),
    "better_fit_elsewhere": lines("""
We think your skills might be better suited to a different team at {company}.
Your background seems a stronger fit for roles in our analytics group than for this one.
We felt you would be a better fit for a different kind of position.
"""),
    "overqualified": lines("""
Your experience exceeds what we need for this level.
We felt you were overqualified for this position.
Given your seniority, we believe this role would not offer you enough challenge.
"""),
    "experience_gap": lines("""
We are looking for someone with more hands-on experience in production systems.
The role requires a degree in a related field.
We need more depth in Kubernetes than your profile shows.
We are seeking candidates with at least five years of experience.
The team needs a more senior engineer for this opening.
"""),
    "location": lines("""
The role requires candidates to be based near our Denver office.
This position is fully on-site and we understand you are not able to relocate.
We are only able to consider local applicants for this role.
"""),
    "work_authorization": lines("""
We are unable to sponsor work visas for this position.
This role requires existing authorisation to work in the United Kingdom.
We cannot offer visa sponsorship at this time.
"""),
    "timing": lines("""
Given your graduation date, you are not eligible for this program.
We need someone who can start immediately and your availability does not match.
Your expected start date does not match the program timeline.
"""),
    "language": lines("""
Fluency in German is required for this role.
The position requires business-level French.
Native-level Japanese is a requirement for this team.
"""),
    "compensation": lines("""
Unfortunately your salary expectations are above the range budgeted for this role.
We were not able to meet your compensation requirements.
"""),
}

FEEDBACK = {
    "refused": lines("""
Due to the high volume of applications, we are unable to provide individual feedback.
Please understand that we cannot give feedback on individual applications.
Company policy does not allow us to share specific feedback.
"""),
    "offered": lines("""
If you would like feedback on your interviews, just reply and I'll set up a short call.
Happy to share some feedback if it would be helpful, let me know.
Feel free to reach out if you would like to discuss the decision.
"""),
    "given": lines("""
The panel was impressed with your communication, but felt your system design answers lacked depth.
Your case study was strong, though the team wanted more experience with stakeholder management.
The interviewers noted that your SQL skills were solid but the statistics portion was weaker.
"""),
}

KEEP_ON_FILE = lines("""
We will keep your resume on file and reach out if a suitable opportunity arises.
Your profile will remain in our talent pool for future openings.
We'd like to keep your details in our database for future roles.
We may contact you should a matching position become available.
""")

INVITE_REAPPLY = lines("""
We encourage you to apply for other positions that match your skills.
Please keep an eye on our careers page at {link} for future openings.
We hope you will consider applying again in the future.
Feel free to apply to other roles at {company} that interest you.
""")

REJECTION_SOFTENERS = lines("""
This is not a reflection of your qualifications; we simply received far more applications than we could consider.
We receive a very large number of strong applications for each role, so small differences decide who moves on.
We know this is disappointing news, and we're grateful for the effort you put in.
Your profile will stay in our searchable database, and you can update it on our career site at any time.
Sign up for job notifications so you hear about new postings that match your interests.
There are many other openings at {company}, and we are always looking for motivated people.
Please don't be discouraged from applying for other roles that interest you.
""")

ALT_ROLE = lines("""
We do have an opening for a Junior Data Engineer that could suit you, would you like me to forward your profile?
I'd like to introduce you to the hiring manager for our Customer Insights team instead.
Would you consider our Associate Analyst role instead? I think it fits your background.
""")

REJECTION_CLOSINGS = lines("""
We wish you every success in your job search.
Best of luck in your future endeavors.
We appreciate your interest in {company} and wish you all the best.
Thank you again for your time and interest.
We wish you the best of luck in your career.
It was a pleasure getting to know you and we wish you well.
""")

CONFIRMATION_SUBJECTS = lines("""
Application received - {role}
Thank you for applying to {company}!
We've received your application
Your application for {role} has been submitted
{company}: Application confirmation
Thanks for your interest in {company}
Application Received for {name}
You applied to {role} at {company}
Complete your application for {role}
Your application status has changed
Reminder: finish your application
We received your application for {role} ({req})
Indeed Application: {role}
""")

CONFIRMATION_CORE = lines("""
Thank you for applying for the {role} position at {company}. We have received your application.
This email confirms that your application for {role} was submitted successfully.
We're excited that you applied to {company}! Your application for {role} is in.
Your application for {role} (Job ID {req}) has been received and is now under review.
Thanks for including {company} in your job search; we know looking for a job takes effort.
We have successfully received your application and our team is reviewing it.
Your application was sent to {company}.
Thanks for starting your application for {role}. You can return to it any time using the link below.
Your application is incomplete. Please log in to finish the remaining steps.
The status of your application has changed. Log in to your candidate home to see the details.
You have successfully submitted your resume for the {role} opening.
Your profile has been shared with the hiring team for {role}.
We reviewed your submission and need you to complete your application to requisition {req} before it can be considered.
One of our recruiters has received your resume and will consider you for the position.
We are in receipt of your resume and are reviewing it against our current openings.
We are currently reviewing applications and will reach out to those whose experience aligns with the role.
Your application has reached us safely and is being evaluated.
Here is a copy of your application data for safekeeping: name, email, phone, education, experience.
We'd love to invite you to our talent community, where you'll hear about new openings and events.
""")

CONFIRMATION_NEXT = lines("""
If your qualifications match our needs, a member of our recruiting team will contact you.
If your skills and experience are a good match, we will be in touch to discuss next steps.
Our recruiters will review your profile and reach out if there is a fit.
We will carefully review your application and update you by email in the coming weeks.
Due to the high volume of applications, we may not be able to respond to every applicant individually.
If you are not selected for this position, we may keep your profile on file for other opportunities.
Please note that only shortlisted candidates will be contacted.
You can check the status of your application at any time at {link}.
Our review usually takes two to three weeks.
If we don't contact you within 30 days, please know we appreciate your interest.
If none of our openings are a match, we will retain your resume and let you know when a suitable position opens.
We'll hold on to your CV for half a year and look at it again whenever something similar opens.
If you are not selected for this role, keep an eye on our careers page for other openings.
We have thousands of other openings; feel free to browse and apply to any that fit.
""")

INTERVIEW_SUBJECTS = lines("""
Interview invitation - {role}
Invitation: Phone screen with {recruiter} @ {date} {time}
{company} interview availability
Next steps for the {role} role
Let's schedule a call - {company}
Confirmed: Interview with {company} on {date}
Re: {role} - interview scheduling
Updated invitation: Technical interview ({role})
Your onsite interview with {company}
""")

INTERVIEW_CORE = lines("""
We were impressed by your background and would like to invite you to a 30-minute phone screen.
I'd love to set up a call to talk about the {role} position. What does your availability look like this week?
Please use the link below to pick a time for your first-round interview: {link}
The hiring manager would like to meet you for a video interview on {date} at {time}.
Your interview is confirmed for {date} at {time}. A Zoom link is included below.
We would like to move you forward to the next round, a technical interview with two engineers.
Could you share a few time slots that work for you for a conversation with our team?
You have been invited to an onsite interview. Please reply with your preferred dates.
I am the recruiter for {role} and wanted to schedule an introductory call with you.
After reviewing your resume, we feel your background may align with an opening we have, and I'd like to connect by phone.
If you send me a couple of times that work, I'll put the first one on the calendar.
Congratulations, you have been selected for the final round of interviews!
""")

INTERVIEW_EXTRA = lines("""
The conversation will last about 45 minutes and will focus on your experience.
Join Zoom Meeting: https://zoom.us/j/91827364 Meeting ID: 918 2736 4
Please let me know if you need any accommodations.
The panel includes the hiring manager and a senior engineer.
When: {date} {time} (45 minutes) Where: Google Meet
Looking forward to speaking with you!
""")

ASSESSMENT_SUBJECTS = lines("""
{company} coding challenge - {role}
Action required: complete your assessment
Your HackerRank test for {company}
Next step: video interview for {role}
Online assessment invitation
You received a request from {company}
Reminder: your assessment expires soon
Please complete the questionnaire for your application
Take-home exercise - {role}
""")

ASSESSMENT_CORE = lines("""
As the next step in our process, we invite you to complete an online coding assessment on HackerRank.
Please complete the Codility test within the next 7 days: {link}
You are invited to record a one-way video interview through HireVue.
{company} asks applicants to complete 2 skills tests for the {role} role.
Please log into your candidate account and complete the outstanding questionnaire.
We'd like you to complete a short take-home assignment; you will have 72 hours.
Please complete the CodeSignal General Coding Assessment before {date}.
The next step is a personality and cognitive ability assessment, which takes about 40 minutes.
Your assessment link will expire in 3 days. Please complete it as soon as possible.
Please complete the Excel skills test and the situational judgement questionnaire.
""")

ASSESSMENT_EXTRA = lines("""
The test contains 3 programming questions and takes about 90 minutes.
Make sure you have a stable internet connection and a working webcam.
If you experience technical issues, contact support@assess.example.com.
You may use the language of your choice.
""")

OFFER_SUBJECTS = lines("""
Offer of employment - {role}
Your offer from {company}
Congratulations! {company} offer letter
{role} offer - next steps
Following up on our call - offer details
""")

OFFER_CORE = lines("""
We are delighted to offer you the position of {role} at {company}.
Congratulations! I'm thrilled to extend you an offer to join the team as {role}.
Following up on my call earlier today, please find your offer letter attached.
On behalf of {company}, I am pleased to confirm our verbal offer for the {role} role.
We would love to have you on board and are excited to offer you the role.
""")

OFFER_EXTRA = lines("""
The base salary is $92,000 per year, with a signing bonus of $5,000.
Please review and sign the offer letter by {date}.
Your proposed start date is {date}, subject to a background check.
The offer includes 25 days of paid leave and a pension contribution.
Let me know if you have any questions about benefits or the start date.
""")

OUTREACH_SUBJECTS = lines("""
Opportunity: {role} with a fast-growing company
{role} - remote - contract
Quick question about your next move
Exciting {role} opening at {company}
Job Opening for the role {role} || Austin, TX
Are you open to new opportunities?
Your profile caught my eye
""")

OUTREACH_CORE = lines("""
I came across your profile on LinkedIn and think you could be a great fit for a {role} role I am recruiting for.
This is {recruiter} from TalentBridge Staffing. I have an urgent requirement for the role of {role}.
I'm a headhunter working with {company}, and they are looking for a {role}.
Would you be open to a quick chat about a {role} opportunity? The client is a well-funded startup.
I am reaching out because your experience looks like a match for a position with one of our clients.
My name is {recruiter} and I'm a staffing specialist at Tekvantage Inc; I have an exciting opportunity with one of our clients.
I found a job you may be interested in. If you'd like to apply, reply with your updated resume.
Hope you are doing great! I am sending you this email regarding an urgent opening.
Kindly revert with your updated resume, availability and expected rate so I can submit your profile.
We currently have an opportunity with one of our direct clients that might interest you.
We are hiring a {role} and your background stood out to me.
Please share your updated resume, current rate and visa status if you are interested.
Duration: 12 month contract, rate $65/hr on C2C. Location: hybrid, 3 days on-site.
Let me know a good time to connect this week, or feel free to pass this on to someone who might be interested.
""")

JOB_ALERT_SUBJECTS = lines("""
New jobs for you: {role}
{role}: 12 new jobs near you
Recommended jobs based on your profile
You have 3 job alerts for {company}
Jobs you may be interested in
Your daily job digest
{company} is hiring a {role}
Similar jobs to ones you saved
The job seeker's bulletin: this month's issue
Fresh internships and graduate roles for you
Career tips and new openings this week
""")

JOB_ALERT_LISTINGS = lines("""
{role}\\n{company} | Denver, CO\\nPosted 2 days ago
{role} - {company} - Remote - $80K-$100K a year\\nEasily apply
{role}\\n{company} · Chicago, IL (Hybrid)\\nActively recruiting
{company}: {role} | London | Full-time | View job
{role} ({company}) - Berlin - posted today - Apply now
""")

JOB_ALERT_FRAMES = lines("""
Based on your search for "{role}", here are new jobs that match.
We found new jobs that match your preferences.
Jobs posted on 100+ job boards this week.
Top picks for you this week.
Unfortunately, a job you saved is no longer accepting applications. Here are similar roles you might like.
Companies are hiring for roles like {role}. Don't miss out.
A brand-new opening crossed my desk and your background fits it nicely; few people have seen it so far.
The following jobs have just been posted and match your talent community profile.
Remember to forward these opportunities to friends who might be interested.
Inside this issue: how to answer "why do you want to work here?", the skills employers ask for most, and new roles we picked for you.
New internships and graduate schemes matching the interests on your student profile.
From our career experts: three habits of candidates who get hired quickly. Plus the latest openings in your field.
""")

JOB_ALERT_FOOTERS = lines("""
You are receiving this email because you created a job alert. Unsubscribe | Manage alerts
See all jobs -> Unsubscribe | Powered by Jobvite
Edit your job alert settings or unsubscribe at any time.
This email was sent by the job board. Privacy | Terms | Unsubscribe
""")

OTHER_SUBJECTS = lines("""
Your verification code
Your order has shipped
Receipt for your payment
Weekly newsletter: five ideas for your weekend
Password reset request
Welcome to {company} Careers
Re: dinner on Saturday?
Security alert: new sign-in
Your monthly statement is ready
Webinar reminder: starts in one hour
Consolidated positions: issues & to do list
""")

OTHER_BODIES = lines("""
Your one-time passcode is 482913. It expires in 10 minutes. If you didn't request this, ignore this email.
Thank you for your order #55812. Your package is on its way and should arrive by {date}.
We received your payment of $42.17. Thank you for being a valued customer.
Someone requested a password reset for your account. Click the link below to choose a new password.
Welcome to {company} Careers! Build your profile, set up job alerts and explore teams. An account has been created for you.
Hey! Are we still on for dinner on Saturday? I can bring dessert. Let me know.
We noticed a new sign-in to your account from Chrome on Windows. If this was you, no action is needed.
This week: how to plan a garden, a recipe for lentil soup, and our favourite podcasts.
Your free plan includes 20 transcriptions per month. Upgrade to premium to get more.
Reminder: the workshop you registered for starts in less than an hour. Join from your browser using the link.
Please verify your email address to finish creating your account.
Attached is the spreadsheet with the updated positions for the gas desk. Let me know if the numbers look off.
The meeting with the vendors is moved to 3pm tomorrow. Please forward to the team.
Thanks for your purchase! Leave us a review and get 10% off your next order.
Your subscription renews on {date}. No action needed if you want to keep it.
Hi {name}, I wanted to check in after your free resume review. Upgrade to unlock the full report.
Enter to win our weekly giveaway for just $1! Offer ends Sunday.
We've updated our privacy policy. The changes take effect on {date}.
Don't forget to RSVP for the alumni networking mixer next Thursday!
Message-ID: <1234.JavaMail.user@host>\\nDate: Mon, 9 Oct 2000 07:16:00 -0700\\nX-Folder: sent mail\\n\\nPlease review the attached draft and send comments by Friday.
""")
