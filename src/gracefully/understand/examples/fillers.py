# ruff: noqa: E501  (one phrasing per line reads better than wrapped data)
"""Sentence pools shared across categories, so the model learns that they decide nothing.

Company blurbs, polite openings and closings appear in confirmations,
rejections and job postings alike; the category lives in the decisive
sentence, not in the wrapping. Postings, newsletters and shop mail get long
varied bodies because real ones are long.
"""

from gracefully.understand.examples.phrases import lines

SHARED_OPENINGS = lines("""
Thank you for your interest in {company}.
Thank you for applying to {company}!
Thanks for your interest in the {role} position.
Thank you for taking the time to apply for the following position: {role} ({req}).
We appreciate your interest in a career with {company}.
Thank you for considering {company} as your next employer.
Thank you very much for applying for the {role} role at {company}.
We're glad you're interested in joining {company}.
Thank you for your recent application for {role}.
""")

SHARED_CLOSINGS = lines("""
Thanks again for your interest in {company}.
We wish you success in your job search!
Thank you again for your time and interest in our company.
We appreciate the effort you put into your application.
Have a great day!
In the meantime, follow us on LinkedIn to learn more about life at {company}.
Learn more about our culture and benefits on our careers site.
Best of luck with your career search, and thanks again for thinking of us.
We wish you all the best in your job search and thank you for your interest.
Again, thank you for your time and interest in our company!
We appreciate your interest in employment with us and wish you luck in your search.
""")

JD_HEADERS = lines("""
Job details:\nRole: {role}\nLocation: Reston, VA (hybrid)\nDuration: long-term contract
Title: {role}\nLocation: Remote\nVisa: US citizen or green card\nRate: $60-$70/hr C2C
Position: {role} | Client: a major bank | Start: ASAP | 6+ months
Please find the job description below and let me know if you are interested.
Full job details below.
""")

COMPANY_BLURBS = lines("""
{company} is a family-owned business known for outstanding customer service.
At {company}, we believe great work happens when people feel they belong.
We are a global leader in logistics, serving customers in more than 60 countries.
Our mission is to make healthcare simpler and more affordable for everyone.
{company} is an equal opportunity employer and values diversity at every level.
We are driven by curiosity and a commitment to building a more open world.
With more than 12,000 employees, {company} powers payments for millions of businesses.
Founded in 2012, we have grown into one of the fastest-growing companies in the region.
Our people are our greatest strength, and we invest in their growth and wellbeing.
We are proud to be recognised as a top employer for five years in a row.
Being part of our team means collaborating with colleagues, customers and communities every day.
We build technology that helps farmers grow more with less.
""")

CONFIRMATION_PROCESS = lines("""
What happens next? Our recruiters review every application, which can take a few weeks.
As we sometimes receive hundreds of applications for a single role, the review may take some time.
There is strong competition for our roles, so please be patient while we review your profile.
Now that you have created a candidate account, you can log in anytime to check your status.
To complete your application, we need a few more details for our equal opportunity records.
You may not receive individual feedback, but please know your application is being evaluated.
Your candidate reference number is {req}. Please quote it in any correspondence.
As soon as there is news on your application, you'll hear from us.
While you wait, we invite you to explore other open roles that match your interests.
If your circumstances change, you can withdraw your application from your profile at any time.
Applying for a job can be exciting and nerve-wracking at the same time; we have all been there.
Whether or not this position turns out to be a fit, we'll keep your information for future roles.
""")

POSTING_SECTIONS = lines("""
About {company}: We build data platforms that help retailers understand their customers.
{company} is a fast-growing consultancy specialising in cloud and data engineering.
Job description: as part of the digital transformation programme, you will join the data team.
Your missions: design and maintain data pipelines; build dashboards; work closely with business teams.
You will develop backend services in Python and Go and take part in code reviews.
You will report to the head of engineering and work in an agile team of eight.
Profile sought: a master's degree in computer science or equivalent; 3+ years of experience with SQL.
You are curious, rigorous and enjoy working in a team.
You can express yourself in English both orally and in writing.
What we offer: flexible hours, remote days, a training budget and health insurance.
Requirements: experience with AWS or Azure, Spark and Airflow; good communication skills.
Contract type: permanent, full-time. Location: Paris, hybrid. Salary: 45-55k.
Key skills: Java, Spring Boot, microservices, Docker, Kubernetes.
Why join us? A diverse team, ambitious projects and a strong learning culture.
Recruitment process: a call with HR, a technical interview, then a meeting with the team.
The company: over 300 consultants supporting major clients in banking, energy and retail.
Concretely, your daily life will consist of collecting, cleaning and modelling data.
Nice to have: knowledge of dbt, Terraform or machine learning in production.
This apprenticeship starts in September and lasts two years.
Our stores, warehouses and e-commerce teams rely on data to serve millions of customers.
Join a team that puts the customer at the heart of every decision.
Benefits: meal vouchers, public transport reimbursement, profit-sharing.
And after? Opportunities to grow towards a lead role or an architecture position.
Our mission: to inform consumers about the impact of the products they buy.
Don't hesitate to highlight any experience, professional or personal, that tells us more about you.
From experience, the simplest solution is not always the most fashionable one.
Our main areas of work: industry 4.0, predictive maintenance, customer analytics.
Data Engineer M/F - permanent contract - Lyon
As part of our growth, we are strengthening our tech team and looking for our next data engineer.
The team is responsible for the company's next major product.
Reporting to the technical manager, you will develop and maintain our data structures.
Within the IT division, you will take part in projects in an agile environment.
Desired skills: Python, Scala, SQL, Git, CI/CD.
""")

NEWSLETTER = lines("""
View this post on the web at https://newsletter.example.com/p/weekly-notes
Good afternoon, everyone, what a week it has been.
In today's issue: three stories about city politics and one about the weather.
Thanks for reading! Subscribe for free to receive new posts and support my work.
If you enjoyed this, forward it to a friend who might like it.
The conference keynote covered observability, security and the future of cloud operations.
Register now to save your seat for the live demo next Tuesday.
Our spring collection is here, with 20% off for members this weekend only.
Here are the most-read articles of the month.
You're receiving this because you signed up for updates. Manage preferences or unsubscribe.
""")

SHOPPING = lines("""
Thank you for your order of a stainless steel water bottle (2 pack).
The tracking information shows your item is out for delivery today.
If anything arrived damaged, reply to this email and we'll make it right.
We noticed you left something in your cart.
Starting next month, invoices will only be issued in US dollars.
Your refund of $18.50 has been processed and should appear within 5 business days.
For any issues with your payment, contact our support team.
This payment will be reviewed for compliance with our user agreement.
Thank you for selling with us. Your payout is on its way.
Rate your recent purchase and help other shoppers.
""")

PERSONAL = lines("""
Are you coming to the barbecue on Sunday? Bring the kids!
I'm attaching the photos from the trip, sorry it took so long.
Can you send me the notes from Tuesday's meeting when you get a chance?
I would like to begin my retirement paperwork; please let me know the next steps.
Happy birthday! Hope you have a wonderful day.
I heard through a friend that the policy might change next year.
The plumber is coming at 9, can you let him in?
Let's catch up over coffee next week.
""")

ACCOUNT = lines("""
Your passcode for account verification is 602214.
Please confirm your email address to activate your account.
We've enhanced our security requirements to better protect your account.
Your password was changed. If this wasn't you, contact us immediately.
You have a new document to review and sign.
Your statement for this month is now available online.
An account has been created for you on our careers site; use your login details to sign in.
Your free plan includes 20 transcriptions per month.
We have updated our terms of service.
We are writing to let you know that a bug caused some notification emails to be sent by mistake; no action is needed.
You're receiving this email because of a recent change to your account settings.
Unfortunately, your payment could not be processed. Please update your card details.
You are registered for the workshop; the joining link is below.
""")
