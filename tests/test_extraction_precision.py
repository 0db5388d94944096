"""Page furniture, service notes and opinion that a fact-check desk skips: each rule with
sentences written for these tests, and a case it must leave alone."""

from __future__ import annotations

import pytest

from workbench.extraction import extract, segment


def roles(article: str) -> list[tuple[str, str]]:
    return [(s.role, s.text) for s in segment(article)]


def role_of(line: str) -> str:
    (sentence,) = segment(line)
    return sentence.role


@pytest.mark.parametrize("line", [
    "Issued on: 03/02/2027 - 08:15 Modified: 03/02/2027 - 10:40",
    "Posted Tue 2 Feb 2027 at 7:12pm, updated Wed 3 Feb 2027 at 8:01am",
    "Published Fri, Mar 5 2027 9:02 AM EST Updated Fri, Mar 5 2027 11:30 AM EST",
    "Wed 17 Mar 2027 06.00 GMT",
    "Last updated: 14.03.2027 at 16:45 CET",
])
def test_time_stamps_of_any_common_form_are_date_lines(line):
    assert role_of(line) == "dateline"


def test_a_short_dated_sentence_is_not_a_time_stamp():
    assert role_of("Voting ends on March 14, 2027.") == "body"
    assert role_of("In 2026 the firm hired 300 people.") == "body"


@pytest.mark.parametrize("line", [
    "This story has been updated to include a statement from the school district.",
    "This article was corrected to show the vote took place on Tuesday.",
    "An earlier version of this story misstated the mayor's age.",
    "Correction: The bridge opened in 1971, not 1917.",
    "($1 = 148.20 yen)",
    "(£1 = $1.2650)",
    "Follow us on Instagram",
])
def test_the_outlets_notes_are_not_body(line):
    assert role_of(line) == "source_line"


def test_a_sentence_about_an_update_is_still_body():
    assert role_of("The agency updated its guidance on Tuesday.") == "body"
    assert role_of("(The figure includes 12 people who later recovered.)") == "body"


@pytest.mark.parametrize("line", [
    "Maria Kowalczyk / Reuters",
    "Dan Ortega/Getty Images",
    "AFP / Getty Images",
])
def test_a_credit_on_its_own_line(line):
    assert role_of(line) == "credit"


def test_a_credit_after_a_caption_in_one_line():
    caption = "Farmers block a motorway near Lyon on March 3, 2027. Anne Petit / AFP"
    assert roles(caption) == [
        ("caption", "Farmers block a motorway near Lyon on March 3, 2027."),
        ("credit", "Anne Petit / AFP"),
    ]
    assert roles("The ward is the busiest in the region. (ABC News: Sam Cole)")[-1] == (
        "credit", "(ABC News: Sam Cole)"
    )


def test_a_sentence_with_a_slash_is_not_a_credit():
    assert [r for r, _ in roles("Sales rose 4 percent. Imports/exports fell.")] == [
        "body", "body"
    ]
    assert role_of("The dean and/or the provost must sign the form.") == "body"


def test_bylines_of_other_forms():
    assert role_of("By science correspondent Ruth Abara") == "byline"
    assert role_of("Lena Fischer @lenafischer_news") == "byline"
    assert role_of("By the end of the year, the plant had closed.") == "body"


def test_a_standfirst_between_headline_and_byline_is_top_matter():
    article = (
        "Port strike halts grain exports\n\n"
        "Dockworkers walked out over pay; shippers say 40 vessels are waiting. "
        "The union says talks have stalled.\n\n"
        "By Jo Amari\n\n"
        "March 4, 2027\n\n"
        "Dockworkers at the port walked out on Monday.\n"
    )
    got = roles(article)
    assert [r for r, _ in got] == [
        "heading", "heading", "heading", "byline", "dateline", "body"
    ]
    proposed = [c.text for c in extract(article)]
    assert all("shippers" not in text for text in proposed)


def test_no_top_matter_when_the_lead_comes_before_the_byline():
    article = (
        "Port strike halts grain exports\n\n"
        "ROTTERDAM — Dockworkers at the port walked out on Monday.\n\n"
        "By Jo Amari\n"
    )
    assert [r for r, _ in roles(article)] == ["heading", "dateline", "body", "byline"]
    no_headline = "Dockworkers walked out on Monday.\n\nBy Jo Amari\n"
    assert [r for r, _ in roles(no_headline)] == ["body", "byline"]


def proposed(article: str) -> list[str]:
    return [c.text for c in extract(article)]


@pytest.mark.parametrize("sentence", [
    "Flu shots are free at the library this week, and residents can call 555-201-7788 to "
    "book one.",
    "The shelter is at 40 Dock Road; beds can be booked online through the county website.",
    "Parents with questions should call the school office on (03) 9555 0142.",
    "You can report a pothole free of charge by texting 80550 or calling 0800 555 0199.",
    "Listeners can request a transcript of the programme by writing to PO Box 410, Leeds.",
])
def test_a_service_note_is_not_proposed(sentence):
    assert proposed(sentence) == []


def test_a_figure_beside_the_readers_instructions_is_still_proposed():
    fact = "You can report a pothole by calling 311, and the city filled 14,200 of them last year."
    assert proposed(fact) == [fact]


def test_a_hotline_in_a_statistic_is_still_proposed():
    sentence = "The crisis hotline took 4,180 calls in its first month, the health department said."
    assert proposed(sentence) == [sentence]


@pytest.mark.parametrize("sentence", [
    "“The board has finally admitted that the old plan was never going to work,” said "
    "Hal Brandt, a retired engineer who sits on the advisory panel.",
    "“I don't think anyone in this building expected the vote to go this way,” said "
    "council member Ada Ruiz.",
    "“They treated the pension fund like a piggy bank,” said Nora Quist, a lawyer for the "
    "retirees.",
    "“This board has betrayed every parent in the district,” said Nora Quist, who chairs the "
    "parents' association.",
    "Opposition leader Sam Ellery said the government had \"thrown small farmers under the "
    "bus\".",
    "“The regulator turned a blind eye while bills climbed,” said consumer advocate Ida Marr.",
])
def test_a_quote_that_gives_a_view_is_an_opinion(sentence):
    assert proposed(sentence) == []


def test_a_quote_with_a_stance_word_and_a_fact_is_still_proposed():
    sentence = ("“Frankly, the plant has lost 2,300 jobs since 2019,” said union president "
                "Ada Ruiz.")
    assert proposed(sentence) == [sentence]


def test_narration_with_a_stance_word_is_not_an_opinion():
    scores = {c.text: c.score for c in extract(
        "The council finally approved the budget on Tuesday. "
        "The council approved the budget on Tuesday.", include_all=True)}
    first, second = scores.values()
    assert first == pytest.approx(second, abs=0.2)


def test_an_announcement_on_a_date_is_a_schedule():
    sentence = "The commission will announce its ruling on the merger on April 9."
    assert proposed(sentence) == []


def test_a_crowd_filling_a_room_is_colour():
    assert proposed("Farmers in work boots filled the hallway outside the hearing room.") == []
    fact = "Applications filled all 1,200 places in the program within a week."
    assert proposed(fact) == [fact]


@pytest.mark.parametrize("sentence", [
    "At the bus depot on Tuesday, drivers were still waiting for their October pay, and a few "
    "sat on upturned crates by the gate.",
    "On a grey morning near Tromsø last month, trawlers idled in the harbour as the quota "
    "talks dragged on.",
    "On a recent weekday evening in Lagos's Yaba district, traders were packing up their "
    "stalls by lamplight.",
])
def test_a_scene_set_at_a_place_on_a_day_is_colour(sentence):
    assert proposed(sentence) == []


@pytest.mark.parametrize("sentence", [
    "At the bus depot on Tuesday, the company said it would cut 40 drivers' jobs by March.",
    "At the plant on Monday, workers were producing 1,200 cars a day, double last year's rate.",
    "At a hearing on Thursday, the regulator fined the airline $2.1 million for tarmac delays.",
])
def test_news_told_at_a_place_on_a_day_is_still_proposed(sentence):
    assert proposed(sentence) == [sentence]


@pytest.mark.parametrize("sentence", [
    '"The water came up to the windows in twenty minutes. We lost everything," said shop '
    'owner Dana Mbeki, 47.',
    'Her brother, Tomasz Nowak, 39, said: "He waited nine hours on the floor for an '
    'ambulance."',
    '"I pay $140 a month more for the same bus pass," said commuter Lin Zhao, 26.',
])
def test_a_voice_given_only_an_age_is_a_vox_pop(sentence):
    assert proposed(sentence) == []


@pytest.mark.parametrize("sentence", [
    '"We will close 14 branches by June," said chief executive Tom Hale.',
    '"We cut 40 jobs in the parks department," said Mayor Tom Hale, 58.',
    "Police said John Doe, 31, was charged with two counts of burglary on Friday.",
])
def test_an_office_or_a_charge_is_no_vox_pop(sentence):
    assert proposed(sentence) == [sentence]


def test_a_term_put_in_quote_marks_is_a_view_unless_a_fact_comes_with_it():
    assert proposed('The union termed the pay offer "an insult to every nurse in the '
                    'country".') == []
    for fact in ('The mayor termed the closure "temporary", saying the pool would reopen in '
                 '2028 after a $4 million repair.',
                 'The agency termed the outbreak "the largest since 2015", with 212 cases '
                 'confirmed.'):
        assert proposed(fact) == [fact]


def test_a_wish_in_the_first_person_is_a_view_unless_a_fact_comes_with_it():
    assert proposed('"It could be a measurement error. We\'d want to see the raw data before '
                    'drawing conclusions," said Maria Lopez, an economist at Banco Sur.') == []
    for fact in ('"We would like to see the plant reopen, and we have offered $12 million '
                 'toward it," said Gov. Tom Hale.',
                 '"It could be a detector artefact, and the team has already run 40 checks," '
                 'said physicist Jan Novak of Charles University.'):
        assert proposed(fact) == [fact]


def test_reported_plan_with_a_quoted_phrase_is_proposed():
    plan = ("Transport Minister Eli Varga said on Monday that the government would "
            "\"move heaven and earth\" to reopen the rail line.")
    assert proposed(plan) == [plan]
    view = "Transport Minister Eli Varga said the plan was \"a betrayal of every commuter\"."
    assert proposed(view) == []


def test_a_dateline_in_ordinary_case_with_an_agency_tag():
    got = roles("Nairobi, Kenya (Reuters) - Kenya's central bank cut its main rate on Tuesday.")
    assert got[0] == ("dateline", "Nairobi, Kenya (Reuters) -")
    assert got[1][0] == "body"
    assert [r for r, _ in roles("Sales (in dollars) - not units - rose 4 percent.")] == ["body"]


@pytest.mark.parametrize("line", [
    "(Reporting by Ana Silva in Porto; Editing by Mark Heller)",
    "Tom Okafor is a science correspondent for The Daily Ledger.",
    "Tom Okafor reported from Geneva.",
    "This is a developing story.",
    "Have a news tip? Email us at desk@example.org.",
])
def test_more_of_the_outlets_notes(line):
    assert {s.role for s in segment(line)} == {"source_line"}


def test_a_reporter_in_the_story_is_still_body():
    assert role_of("Tom Okafor reported from the courtroom that two jurors were excused.") == (
        "body"
    )
    assert role_of("Ana Silva is a former reporter for the Ledger who now runs a charity.") == (
        "body"
    )


def test_an_unpunctuated_line_under_the_headline_is_a_standfirst():
    article = (
        "Water board raises rates\n\n"
        "Residents will pay more from July as the board blames a decade of deferred repairs "
        "and rising costs for chemicals and power at its two treatment plants\n\n"
        "The water board voted 4-1 on Monday to raise rates by 9 percent.\n"
    )
    assert [r for r, _ in roles(article)] == ["heading", "heading", "body"]
    lead = "The board voted 4-1 on Monday.\n\nRates will rise 9 percent from July\n"
    assert [r for r, _ in roles(lead)] == ["body", "body"]


def test_a_byline_under_the_first_paragraphs_leaves_them_body():
    article = (
        "Mill to close\n\n"
        "The mill will close in May. It employs 400 people. Orders fell 30 percent. "
        "The owners blamed imports. Talks with buyers failed.\n\n"
        "By Jo Amari\n"
    )
    assert [r for r, _ in roles(article)][1:6] == ["body"] * 5


@pytest.mark.parametrize("sentence", [
    "The inquiry resumes on Tuesday with evidence from the fire chief.",
    "Public comment on the proposal runs until March 30.",
    "The inflation figures for October come out next Tuesday.",
    "Exam results are out on August 14.",
])
def test_more_schedule_notes_are_not_proposed(sentence):
    assert proposed(sentence) == []


def test_a_release_that_states_a_finding_is_still_proposed():
    fact = ("The report came out on Monday and found that 1 in 5 bridges is structurally "
            "deficient.")
    assert proposed(fact) == [fact]


def test_a_forecast_of_a_decision_is_not_a_schedule():
    forecast = "The central bank is expected to raise rates by half a point, economists said."
    assert proposed(forecast) == [forecast]


def test_a_crowd_counted_vaguely_is_colour_on_any_day():
    crowd = "Hundreds of fans gathered outside the stadium on Saturday to greet the team."
    assert proposed(crowd) == []
    counted = "About 2,500 fans gathered outside the stadium on Saturday, police said."
    assert proposed(counted) == [counted]


def test_a_list_of_links_under_related_is_furniture():
    article = (
        "The plant closed on Friday.\n\n"
        "More on this story\n\n"
        "Workers fear for town's future\n\n"
        "Plant owner reports 30% drop in orders\n\n"
        "The union said it would appeal.\n"
    )
    assert [r for r, _ in roles(article)] == [
        "body", "source_line", "source_line", "source_line", "body"
    ]
    box = "The plant closed on Friday.\n\nOrders fell 30% in the third quarter\n"
    assert [r for r, _ in roles(box)] == ["body", "body"]


def test_opening_hours_are_a_service_note():
    hours = "The new library branch is open 9 a.m. to 7 p.m. every day except Sunday."
    assert proposed(hours) == []


@pytest.mark.parametrize("sentence", [
    "Sources close to the mayor said the deal was worth $2 billion.",
    "Contact tracing began on Monday after 14 cases were confirmed.",
])
def test_a_body_sentence_that_opens_like_a_note_stays_body(sentence):
    assert role_of(sentence) == "body"
    assert proposed(sentence) == [sentence]


def test_a_caption_with_a_full_date_and_no_weekday():
    assert role_of("A cyclist rides past the flooded depot in Leeds on February 9, 2027.") == (
        "caption"
    )


@pytest.mark.parametrize("line", [
    "The Daily Ledger receives support from the Harlow Trust for its coverage of rural health.",
    "This version corrects the name of the school.",
])
def test_funding_and_version_notes(line):
    assert role_of(line) == "source_line"


def test_an_instruction_to_the_reader_is_a_service_note():
    note = "If you need support, call the 24-hour helpline on 13 11 14 or visit its website."
    assert proposed(note) == []
    fact = "Calls to the helpline rose 40% in October, the charity said."
    assert proposed(fact) == [fact]


def test_a_failure_that_is_a_fact_is_not_blame():
    fact = "“Both pumps failed the safety inspection in March,” said inspector Ida Marr."
    assert proposed(fact) == [fact]


def test_a_magazine_byline_and_reading_time_close_the_top_matter():
    article = (
        "The last ferry\n\n"
        "The island's link to the mainland is failing. Its people are tired of waiting.\n\n"
        "Words by Ola Brandt | Photography by Kit Moreno\n\n"
        "March 2, 2027 · 6 min read\n\n"
        "The ferry made 212 crossings last year, down from 540 in 2019.\n"
    )
    assert [r for r, _ in roles(article)] == [
        "heading", "heading", "heading", "byline", "dateline", "body"
    ]


def test_a_scene_on_a_qualified_weekday_is_colour():
    scene = "At 7.15 on a grey Thursday morning, the queue outside the clinic is 30 people long."
    assert proposed(scene) == []


def test_a_duty_under_the_law_is_not_a_service_note():
    duty = "Under the new law, landlords must register every rental unit with the city by 2028."
    assert proposed(duty) == [duty]


@pytest.mark.parametrize("sentence", [
    "Recommended doses for children were halved in 2024, the agency said.",
    "Related charges against two former directors were dropped in March.",
    "The report was revised in June after errors were found in the figures for three regions.",
    "The version of the bill passed by the Senate cut funding by 12%.",
])
def test_a_sentence_that_opens_like_a_link_list_or_revision_note_stays_body(sentence):
    assert role_of(sentence) == "body"


def test_a_link_list_head_and_the_outlets_revision_note_are_still_furniture():
    assert role_of("Recommended:") == "source_line"
    assert role_of("Related coverage") == "source_line"
    assert role_of("This report has been updated to correct the date of the vote.") == (
        "source_line")


@pytest.mark.parametrize("sentence", [
    "The helpline, 0800 123 4567, received 12,000 calls in its first week, the ministry said.",
    "Patients can book appointments online at 40 new clinics, up from 12 last year.",
    "The president may visit the three worst-hit towns in January, officials said.",
])
def test_a_fact_beside_a_number_to_call_is_not_a_service_note(sentence):
    assert proposed(sentence) == [sentence]


def test_a_notice_of_where_to_call_is_still_a_service_note():
    assert proposed("Anyone with concerns can call the helpline on 0800 555 0199.") == []
    assert proposed("The enrolment office, 55 Mill Street, can be reached on 555-0199.") == []


@pytest.mark.parametrize("sentence", [
    "“Sadly, the maternity unit closed in May and has not reopened,” said Dr. Ann Howe.",
    "“It looks like they will shut the plant before Christmas,” said union steward Ray Odom.",
])
def test_a_feeling_or_a_hedged_forecast_in_a_quote_is_not_a_view(sentence):
    scores = {c.text: c.score for c in extract(sentence, include_all=True)}
    assert scores[sentence] > 0.2


def test_damage_counted_in_words_is_not_a_crowd():
    damage = "Floodwater filled hundreds of basements across the county overnight."
    assert proposed(damage) == [damage]
    assert proposed("Dozens of neighbours gathered outside the burned house.") == []


def test_a_byline_at_the_foot_of_a_short_item_leaves_it_body():
    article = (
        "Pool to reopen\n\n"
        "The town pool will reopen on June 1 after a $600,000 repair, the council said.\n\n"
        "Season passes will cost $90, up from $75.\n\n"
        "By Lena Ford\n"
    )
    assert [r for r, _ in roles(article)] == ["heading", "body", "body", "byline"]


@pytest.mark.parametrize("paragraph", [
    "Jobless claims fell to 201,000 last week. (Source: Department of Labor)",
    "The fund returned 7% in 2026. (Data: Morningstar)",
])
def test_a_source_in_brackets_after_a_body_paragraph_is_no_photo_credit(paragraph):
    assert roles(paragraph)[0][0] == "body"


def test_an_outlet_and_photographer_in_brackets_still_close_a_caption():
    got = roles("Volunteers clear debris in Lismore in March. (ABC News: Sam Ortiz)")
    assert [r for r, _ in got] == ["caption", "credit"]


@pytest.mark.parametrize("line", [
    "Correction, 4 March 2027: An earlier version of this story gave the wrong date. It was May.",
    "Update, Jan. 9, 3:15 p.m.: Added a statement from the council.",
    "Clarification Feb. 2, 2027: The grant was from the state, not the county.",
    "To contact the reporter on this story: Ana Silva in Lisbon at asilva@example.org",
    "This report by Wire News Service was first published March 3, 2027.",
    "This story appears in the April 2 print edition of the Valley Herald.",
    "This article was compiled from our live coverage on Friday.",
])
def test_dated_notes_and_contact_lines_are_the_outlets(line):
    assert {s.role for s in segment(line)} == {"source_line"}


def test_a_correction_in_the_news_is_still_body():
    assert role_of("Correction officers at the prison said 14 inmates were moved.") == "body"
    assert role_of("This report was published by the health ministry in March.") == "body"


@pytest.mark.parametrize("line", [
    "Sign up for The Morning Desk, our free daily newsletter.",
    "Get the week's best business stories in your inbox every Friday.",
    "Download the Channel 4 News app for breaking news alerts.",
    "Support local journalism. Subscribe for $2 a month.",
    "Like what you're reading? Subscribe to the Gazette for $40 a year.",
])
def test_prompts_to_subscribe_are_not_body(line):
    assert {s.role for s in segment(line)} == {"source_line"}


def test_an_imperative_that_is_no_prompt_is_still_body():
    assert role_of("Get ready for higher bills, the regulator warned on Monday.") == "body"


def test_a_caption_that_ends_with_its_toggle():
    line = "A nurse checks a patient's chart in Reno on Feb. 4. Sam Ortiz/Valley Radio hide caption"
    assert {s.role for s in segment(line)} == {"caption"}


def test_a_submitted_photo_credit_closes_a_caption():
    got = roles("Snow covers cars on Elm Street in Brandon on Monday. (Submitted by Jo Park)")
    assert [r for r, _ in got] == ["caption", "credit"]


@pytest.mark.parametrize("sentence", [
    "Shoppers can take the heaters back to the store or call the maker at 1-800-555-0199, "
    "weekdays 9 a.m. to 5 p.m.",
    "Drivers can report damaged signs to the town garage at 555-0148.",
    "Anyone who bought the salad should throw it away and call their doctor, or 911 in an "
    "emergency.",
])
def test_more_service_notes_are_not_proposed(sentence):
    assert proposed(sentence) == []


def test_a_number_like_a_phone_beside_a_fact_is_still_proposed():
    sentence = "The hotline, 555-0148, took 9,300 calls in March, up from 2,100 a year earlier."
    assert proposed(sentence) == [sentence]


def test_a_byline_with_a_bullet_and_a_date():
    assert role_of("Ana Silva, Health Reporter • March 3, 2027") == "byline"
    assert role_of("Ana Silva · 4 March 2027") == "byline"
    assert role_of("City Council • March 3, 2027 meeting moved to the library.") == "body"


def test_a_headline_with_a_full_stop_above_a_byline_is_top_matter():
    article = (
        "Rents in Dunmore rose 9% this year, survey finds.\n\n"
        "Tenants in older buildings saw the steepest rises.\n\n"
        "Ana Silva, Housing Reporter • March 3, 2027\n\n"
        "The median rent for a one-bedroom flat reached $1,420 in February, the survey found.\n"
    )
    assert [r for r, _ in roles(article)] == ["heading", "heading", "byline", "body"]


def test_a_long_first_paragraph_above_a_byline_stays_body():
    article = (
        "The median rent for a one-bedroom flat in Dunmore reached $1,420 in February, up 9% "
        "from a year earlier and the steepest rise in the region, according to a survey "
        "published on Monday by the county housing office.\n\n"
        "Ana Silva, Housing Reporter • March 3, 2027\n\n"
        "Tenants in older buildings saw the steepest rises.\n"
    )
    assert roles(article)[0][0] == "body"


def test_a_byline_with_an_updated_stamp():
    assert role_of("Ana Silva, Money Editor Updated March 3, 2027 at 9:10 a.m. ET") == "byline"


def test_a_writers_beat_and_contact_are_a_note():
    line = "Ana Silva covers city hall. Reach her at asilva@example.org or 555-0110."
    assert {s.role for s in segment(line)} == {"source_line"}
    assert role_of("Medicare covers the cost of the test, the agency said.") == "body"


@pytest.mark.parametrize("sentence", [
    "On a Friday evening last month, the line outside the food bank ran past 30 people.",
    "Behind the depot on a cold morning this week, two drivers scraped ice off 12 buses.",
])
def test_a_scene_at_an_hour_with_an_indefinite_article_is_colour(sentence):
    assert proposed(sentence) == []


def test_an_event_that_happened_on_an_indefinite_night_is_still_proposed():
    # only an opening phrase of place sets a scene; here the clause is the event
    sentence = "The blaze broke out at the mill on a Sunday night, injuring three workers."
    assert proposed(sentence) == [sentence]


def test_an_event_on_a_named_morning_is_still_proposed():
    sentence = "On Tuesday morning, the council voted 5-2 to cut the library budget by 12%."
    assert proposed(sentence) == [sentence]


@pytest.mark.parametrize("sentence", [
    "About 60 people, some holding candles, filled the church hall.",
    "More than 200 fans lined the road outside the stadium.",
])
def test_a_crowd_counted_roughly_is_colour(sentence):
    assert proposed(sentence) == []


def test_a_protest_count_is_still_proposed():
    sentence = "About 3,000 people marched through the capital on Saturday, police said."
    assert proposed(sentence) == [sentence]


@pytest.mark.parametrize("sentence", [
    "The authority's next board meeting is on March 9.",
    "The bill goes back to the Senate next week.",
    "A ruling is expected before the summer recess.",
    "Halvern is expected to publish full-year results on 24 February.",
    "The regulator is expected to publish its decision in March.",
    "The clinic will be open again next Saturday from 9 a.m. to 1 p.m.",
    "Polling stations will be open from 7am to 10pm.",
    "The next update is due in early January.",
    "Goldman Sachs did not immediately respond to a request for comment.",
    "Neither the council nor the library service responded to requests for comment by Friday.",
    "The Budget will be delivered on October 1.",
    "The case was adjourned to 22 November.",
    "The teams meet again in the return leg on 6 March in Glasgow.",
    "For confidential support, call Lifeline on 13 11 14.",
    "The consultation closes on 28 February.",
    "More information is available at www.gov.ie/housing.",
    "The next monetary policy meeting is scheduled for 18 and 19 June.",
    "Police have appealed for dashcam footage from anyone who was travelling along the M6 "
    "between 5pm and 6pm.",
])
def test_more_schedule_forms_are_not_proposed(sentence):
    assert proposed(sentence) == []


@pytest.mark.parametrize("sentence", [
    "By 6 a.m. on Saturday, a queue of about 50 people had formed outside the shop.",
    "Hundreds of fans in green shirts sang long into the night on Dame Street.",
    "The verdict was met with gasps from the public gallery.",
    "Tempers flared during Tuesday's marathon meeting.",
    "It was a warm Sunday afternoon in late August when the first calls came in.",
])
def test_a_queue_a_singing_crowd_a_room_s_reaction_and_a_scene_are_colour(sentence):
    assert proposed(sentence) == []


@pytest.mark.parametrize("sentence", [
    "The company is expected to announce 2,000 job cuts on Tuesday.",
    "Nvidia is expected to report quarterly revenue of about $54 billion on Wednesday.",
    "The plant will be closed for good in 2027, costing 400 jobs.",
    "The payment of £300 is due by March 31 to 8 million households.",
    "He is being held in the county jail and is due in court on Wednesday.",
    "The company, which did not respond to a request for comment, cut 900 jobs in March.",
    "The case was adjourned to 22 November after the defendant was charged with 14 counts.",
    "About 2,000 fans celebrated outside the stadium, police said.",
    "The plan was met with anger after it emerged 400 jobs would go.",
    "For the first time since 1998, call volumes fell 12%.",
    "The plant closes on Friday with the loss of 400 jobs.",
    "The decision drew criticism from 40 MPs, who signed a letter on Monday.",
    "Police have appealed for information after a man, 34, was stabbed in Leeds on Saturday.",
    "Residents said they felt abandoned after the clinic closed in 2019, leaving 4,000 patients "
    "without a GP.",
])
def test_an_expected_announcement_with_its_figure_is_proposed(sentence):
    assert proposed(sentence) == [sentence]


@pytest.mark.parametrize("sentence", [
    "Some analysts expect the central bank to cut rates again in June.",
    "Other economists cautioned that one month of data says little about the trend.",
    "Not all scientists agree on how fast the ice will disappear.",
])
def test_a_view_of_a_loose_group_is_not_proposed(sentence):
    assert proposed(sentence) == []


def test_a_loose_groups_account_of_a_past_figure_keeps_its_prior():
    from workbench.extraction.attribution import Attribution
    from workbench.extraction.priors import EMPTY_QUOTE_PRIOR, news_prior

    def prior(text):
        return news_prior(text, Attribution(None, ("anonymous_source",), True), False)

    # what has happened can be checked, whoever says it
    assert prior("Many scientists say the shoreline has retreated 40 metres since 1990.") > (
        EMPTY_QUOTE_PRIOR)
    # their forecast, even with a figure, is a view
    assert prior("Some traders expect the rand to weaken to 19 to the dollar by June.") == (
        EMPTY_QUOTE_PRIOR)


def test_a_crowd_followed_by_news_of_its_own_is_not_colour():
    from workbench.extraction.attribution import Attribution
    from workbench.extraction.priors import COLOUR_PRIOR, news_prior

    who = Attribution(speaker=None, flags=(), explicit=False, pronoun=False)
    news = "About 400 workers filled the depot yard after the firm announced 250 job cuts."
    assert news_prior(news, who, False) > COLOUR_PRIOR
    # a time is no figure of its own
    colour = "More than 100 parents packed the gym for the vote, which ended at 10:40."
    assert news_prior(colour, who, False) == COLOUR_PRIOR


def test_a_poll_of_economists_is_still_proposed():
    sentence = "Most economists polled by the newspaper expect the jobless rate to rise to 5.1%."
    assert proposed(sentence) == [sentence]


def test_a_street_address_adds_no_statistic_to_the_prior():
    from workbench.extraction.attribution import Attribution
    from workbench.extraction.priors import news_prior

    who = Attribution(speaker=None, flags=(), explicit=False, pronoun=False)
    plain = "The clinic moved to a larger building near the station."
    with_address = "The clinic moved to a larger building at 210 S. Oak St."
    assert news_prior(with_address, who, False) == news_prior(plain, who, False)


@pytest.mark.parametrize("sentence", [
    "“It is a disgrace that patients are left waiting in corridors,” said Ana Silva, who "
    "chairs the patients' group.",
    "“We think the board went about this the wrong way,” said lawyer Tom Okafor.",
    "“Families are already stretched. I can't vote for this,” council member Jo Park said.",
    "“She ran the charity like her own piggy bank,” prosecutor Sam Ortiz told the jury.",
])
def test_more_quotes_that_only_give_a_view(sentence):
    assert proposed(sentence) == []


def test_a_first_person_view_with_a_fact_is_still_proposed():
    sentence = (
        "“We believe the plant will close in March and 400 jobs will go,” union leader "
        "Jo Park said."
    )
    assert proposed(sentence) == [sentence]


@pytest.mark.parametrize("sentence", [
    "That is how Ana Silva, the engineer who led the review, described the findings.",
    "That was the assessment of the fire chief at a briefing on Monday.",
    "Those were the words his widow read to the court before the sentence.",
])
def test_a_sentence_pointing_back_to_a_quote_is_not_proposed(sentence):
    assert proposed(sentence) == []


def test_a_sentence_on_how_something_was_done_is_still_proposed():
    sentence = "That is how the firm moved $4 million offshore in 2025, prosecutors said."
    assert proposed(sentence) == [sentence]


@pytest.mark.parametrize("sentence", [
    "The airline declined to comment on the talks.",
    "A spokesman for the ministry declined to say how many staff would be affected.",
])
def test_no_answer_is_not_proposed(sentence):
    assert proposed(sentence) == []


def test_a_source_who_declined_to_be_named_still_answered():
    sentence = (
        "An official who declined to be named said the plant would close in March."
    )
    assert proposed(sentence) == [sentence]


@pytest.mark.parametrize("sentence", [
    "The study was funded by the National Institutes of Health.",
    "The research received funding from the Wellcome Trust and the city council.",
])
def test_a_studys_funding_note_is_not_proposed(sentence):
    assert proposed(sentence) == []


def test_a_sum_granted_is_still_proposed():
    sentence = "The project was funded by a $2.4 million grant from the state in 2025."
    assert proposed(sentence) == [sentence]


@pytest.mark.parametrize("sentence", [
    "The assembly adjourned after midnight and returns Jan. 12.",
    "The committee will host a public forum at the library on March 3.",
    "The planning board is scheduled to take up the application on April 9.",
    "The school is expected to be reviewed again within a year.",
])
def test_a_bare_schedule_notice_is_not_proposed(sentence):
    assert proposed(sentence) == []


def test_a_schedule_that_also_states_news_is_still_proposed():
    sentence = "The mill, which employs 620 people, is scheduled to close on March 3."
    assert proposed(sentence) == [sentence]


@pytest.mark.parametrize("line", [
    "— With assistance from Maria Lund in Oslo",
    "With assistance from Tom Reyes",
    "Follow the topics in this article: Housing, Leeds City Council",
    "This article was produced in partnership with the Coastal Health Reporting Project.",
])
def test_an_outlets_notes_at_the_foot_are_source_lines(line):
    assert role_of(line) == "source_line"


def test_a_sentence_about_assistance_is_still_body():
    line = "The council said 40 families had applied for assistance from the fund."
    assert role_of(line) == "body"


def test_a_copyright_credit_after_a_caption_is_a_credit():
    found = roles("Intro line.\n\nFirefighters at the depot on May 2, 2027. © ANA RUIZ / AFP\n")
    assert found[-1] == ("credit", "© ANA RUIZ / AFP")


def test_a_first_line_with_no_final_stop_is_the_headline_however_long():
    article = (
        "Rail fares to rise 6% in March as operators blame energy costs The increase, the "
        "largest in a decade, will add about £300 to a season ticket into London\n\n"
        "Fares on most routes will rise 6% from March 1, the industry body said.\n"
    )
    assert [r for r, _ in roles(article)] == ["heading", "body"]


def test_a_note_run_on_after_a_credit_is_split_from_it():
    found = roles(
        "Intro line.\n\nThe mayor speaks at city hall. Photo by Lee Chan Correction: An "
        "earlier version of this story gave the wrong date.\n"
    )
    assert [r for r, _ in found][-2:] == ["credit", "source_line"]


def test_a_contributor_note_after_a_caption_credit_is_not_body():
    found = roles(
        "Intro line.\n\nThe mayor at the depot. (Credit: Lee Chan/Reuters) Ann Cole "
        "contributed to this report.\n"
    )
    assert "body" not in [r for r, t in found if "contributed" in t]


@pytest.mark.parametrize("sentence", [
    "Advice lines can be reached free, day or night, on 111.",
    "Tenants can report repairs on the council's free line, 0800 31 4040.",
    "Parents can book a place online or by calling 02-4411 7070.",
])
def test_a_helpline_in_any_number_format_is_a_service_note(sentence):
    assert proposed(sentence) == []


def test_a_helpline_that_reports_a_figure_is_still_proposed():
    sentence = "The free line, 0800 31 4040, took 18,000 calls in its first month."
    assert proposed(sentence) == [sentence]


@pytest.mark.parametrize("sentence", [
    "About 30 nurses sat in the public gallery for the vote on Tuesday.",
    "Some 50 parents stood outside the school gates in the rain.",
    "Near the depot, a queue of about 80 people had formed by 6am on Friday.",
])
def test_where_a_rough_crowd_stands_sits_or_queues_is_colour(sentence):
    assert proposed(sentence) == []


def test_workers_who_stand_to_lose_jobs_are_news():
    sentence = "About 400 workers stood to lose their jobs when the plant closed in May."
    assert proposed(sentence) == [sentence]


@pytest.mark.parametrize("sentence", [
    '"We queued for three hours and got nothing," said Ana Reyes, 58, a retired teacher.',
    '"The bus has been late every day since June," said Tom Lee, 34, a cab driver.',
])
def test_a_quoted_passer_by_given_an_age_is_colour(sentence):
    assert proposed(sentence) == []


def test_an_expert_given_an_age_is_still_a_source():
    sentence = (
        '"Prices rose 12% in a year," said Ana Reyes, 58, a professor of economics at '
        "the state university."
    )
    assert proposed(sentence) == [sentence]


@pytest.mark.parametrize("sentence", [
    "On a visit last month, two dogs slept in the shade of the 300-year-old church.",
    "During a recent visit to the farm, 12 calves stood in the mud by the gate.",
])
def test_a_scene_from_the_reporters_visit_is_colour(sentence):
    assert proposed(sentence) == []


def test_an_officials_visit_is_still_news():
    sentence = "On a visit to Kyiv on Monday, the minister pledged $200 million in aid."
    assert proposed(sentence) == [sentence]


def test_a_want_more_prompt_is_a_source_line():
    line = "Want more of this? Our free City Desk newsletter lands every morning. Join here."
    assert role_of(line) == "source_line"


def test_a_hearing_notice_with_its_time_and_address_is_not_proposed():
    sentence = "A public hearing is scheduled for 7 p.m. Feb. 3 at the library, 210 Oak St."
    assert proposed(sentence) == []


def test_a_headline_with_its_standfirst_run_on_above_the_byline_is_top_matter():
    article = (
        "City Raises Parking Fees 20% as Budget Gap Widens The rise, the first since 2019, "
        "will take a day's parking downtown past $30. Drivers say they will stay away.\n\n"
        "By Ana Lind\n\n"
        "The city council voted 7-2 on Monday to raise parking fees by 20% from April.\n"
    )
    found = roles(article)
    assert [r for r, _ in found if r != "byline"] == ["heading", "heading", "body"]


def test_a_long_lead_without_a_byline_under_it_stays_body():
    article = (
        "The city council voted 7-2 on Monday to raise parking fees by 20% from April, the "
        "first rise since 2019, taking a day's parking downtown past $30. Drivers and shop "
        "owners said they would fight the decision at the next meeting in May.\n\n"
        "The council said the rise would raise $4 million a year.\n"
    )
    assert {r for r, _ in roles(article)} == {"body"}


@pytest.mark.parametrize("sentence", [
    "The agency will begin an inspection of 1,800 bridges on Monday.",
    "The city will set aside $4 million for flood barriers next year.",
])
def test_a_plan_with_a_count_is_not_a_schedule_notice(sentence):
    assert proposed(sentence) == [sentence]


def test_a_visit_told_by_a_source_is_its_finding_not_colour():
    sentence = "During a recent visit to the dam, inspectors found two cracks, the agency said."
    assert proposed(sentence) == [sentence]


@pytest.mark.parametrize("lead", [
    "The county board voted 5-2 on Monday to cut bus fares by 20 percent, the first cut in "
    "a decade",
    "LYON — A gas leak forced the evacuation of 300 homes in the city centre on Friday night",
    "Flooding closed 40 roads and cut power to 2,000 homes across the valley after three days "
    "of heavy rain, police said",
])
def test_a_lead_that_lost_its_stop_is_still_body(lead):
    article = lead + "\n\nCrews worked through the night to clear the damage, officials said.\n"
    found = roles(article)
    assert "heading" not in [role for role, _ in found]
    assert found[-2] == ("body", lead.split(" — ")[-1])


def test_staff_of_a_place_given_an_age_still_state_facts():
    sentence = ('"We had one porter for three wards on Sunday," said Ruth Kemp, 44, a cleaner at '
                'the clinic.')
    assert proposed(sentence) == [sentence]


def test_a_later_sentence_opening_like_a_page_line_is_still_body():
    article = ("Inspectors visited 14 mills in May. Editing by hand of safety logs was banned "
               "in 2023 after two fires.\n")
    assert [r for r, _ in roles(article)] == ["body", "body"]


@pytest.mark.parametrize("line", [
    "Posted 3 March 2027; last updated 4 March 2027 at 9:10",
    "Ana Ruiz and Tom Lee · Lagos · 3 December 2027 08:15 WAT",
])
def test_stamps_and_bylines_with_more_parts_are_furniture(line):
    assert role_of(line) in {"dateline", "byline"}


@pytest.mark.parametrize("line", [
    "Image caption: The bridge in 2019.",
    "Commuters board a train at Shinjuku station in Tokyo on Tuesday.",
])
def test_a_labelled_caption_and_a_caption_with_an_everyday_verb(line):
    assert role_of(line) == "caption"


@pytest.mark.parametrize("line", [
    "Like what you read? Become a member for €4 a month.",
    "GET ALERTS: Sign up for our breaking news texts.",
    "Support nonprofit local journalism today.",
    "Never miss an edition: get the Valley Courier delivered for $3 a week.",
    "This investigation was funded with a grant from the Pulitzer Center.",
    "Our reporting is produced with support from the Lumina Foundation.",
    "Correction to our Nov. 3 edition: the meeting is on Thursday.",
    "Update to this story: the council has since confirmed the vote.",
    "Read also: Rupee slides to record low",
    "Prices are delayed by at least 15 minutes.",
])
def test_the_outlets_appeals_funding_and_data_notes_are_source_lines(line):
    assert role_of(line) == "source_line"


@pytest.mark.parametrize("line", [
    "Become a member of the board, the mayor urged residents on Monday.",
    "Get ready for higher bills: the regulator approved a 9% rise.",
    "The study was produced with support from the Wellcome Trust and published in Nature.",
    "Correction officers for the county: 40 of them quit in May.",
    "The ministry said it would update data daily.",
    "Subscribers to the service rose 20% to 4 million in the quarter, the company said.",
    "The strike was called off at 6 p.m.; talks resume on Monday at 9 a.m.",
    # a live page's update named by its subject is news
    "Update from the sheriff: evacuation orders now cover 4,200 homes in Pine Hollow.",
    "Update on the dam: engineers say the water level fell 30cm overnight.",
])
def test_sentences_that_open_like_the_outlets_notes_stay_body(line):
    assert role_of(line) == "body"


@pytest.mark.parametrize("sentence", [
    "Detectives are urging anyone who saw the car to contact them on 101, quoting incident 455.",
    "Investigators appealed to witnesses to come forward.",
    "The helpline, 0161 555 2020, is open 24 hours a day.",
    "Residents can still order bins online or by phone on 01632 960111.",
])
def test_calls_for_information_and_helplines_with_their_hours_are_service_notes(sentence):
    assert proposed(sentence) == []


@pytest.mark.parametrize("sentence", [
    "Police are asking the court to hold the suspect for 30 more days.",
    "The hospital is open 24 hours a day after a $3 million refit, the board said.",
    "The clinic can continue to treat 400 patients a week, the trust said.",
])
def test_a_request_or_an_opening_that_states_news_is_still_proposed(sentence):
    assert proposed(sentence) == [sentence]


@pytest.mark.parametrize("sentence", [
    "The planning board meets Nov. 12 at 7 p.m. at Town Hall.",
    "The full Senate votes on the nomination next week.",
    "A motion on the pool will be debated at full council on 3 March.",
])
def test_the_diary_in_the_present_tense_or_a_motion_to_be_debated_is_a_notice(sentence):
    assert proposed(sentence) == []


@pytest.mark.parametrize("sentence", [
    "The council meets on Monday to vote on a 9% tax rise that would raise $4 million.",
    "Analysts expect the bank to raise rates when its committee meets on May 26.",
    "The board voted on Tuesday to close two schools.",
])
def test_a_meeting_that_carries_news_or_a_forecast_is_still_proposed(sentence):
    assert proposed(sentence) == [sentence]


@pytest.mark.parametrize("sentence", [
    'Opposition leader Mara Quist praised the minister as "a steady hand in a storm."',
    "The union described the offer as 'an insult to every nurse'.",
    "Rep. Dan Ellery, D-Ohio, dismissed the report as “partisan theatre” and said Congress "
    "should act in 2027.",
    'The mayor hailed Tuesday\'s vote as "a turning point for the city."',
])
def test_praise_or_scorn_in_quote_marks_is_an_opinion_even_with_a_date(sentence):
    assert proposed(sentence) == []


@pytest.mark.parametrize("sentence", [
    'The agency described the outbreak as "the largest since 2015," with 412 cases confirmed.',
    'The committee\'s statement dropped a line from June that had described growth as "robust."',
    "The minister called the election for May 4, the palace said.",
])
def test_a_characterisation_that_states_a_fact_or_tells_an_event_is_still_proposed(sentence):
    assert proposed(sentence) == [sentence]


def test_a_name_someone_has_called_a_rival_is_background_to_the_event():
    sentence = ("The president has imposed tariffs on the country and cut its aid, and met its "
                "leader, whom he has called a “thug”, on Tuesday.")
    assert proposed(sentence) == [sentence]


@pytest.mark.parametrize("sentence", [
    "Tom Ferris, 64, who has fished out of the harbour since 1979, said the catch had halved "
    "in ten years.",
    "'Where is she supposed to go?' asked Mary Doyle from Ballina, whose doctor retired in May.",
    '"We waited four hours for a bus," said Ana Silva from Porto, whose shift starts at 6 a.m.',
])
def test_a_voice_introduced_by_their_life_is_a_vox_pop_in_any_order_and_quote_style(sentence):
    assert proposed(sentence) == []


@pytest.mark.parametrize("sentence", [
    "Ana Ruiz, 52, who leads the vaccine trial at the hospital, said 40% of patients had "
    "improved.",
    "Sam Ortiz, 39, a firefighter at the Elm Street station, said the blaze had spread to four "
    "homes.",
    "The council, whose budget was cut by $2 million, said it would close three libraries.",
])
def test_a_role_or_a_body_before_the_verb_is_still_a_source(sentence):
    assert proposed(sentence) == [sentence]


@pytest.mark.parametrize("sentence", [
    "Alan Greer, who took over as chief executive in March, said the firm would shed 1,200 "
    "jobs.",
    "Ruth Kahn, who sits on the Senate finance committee, said the bill would cost $4 billion.",
])
def test_a_who_clause_that_gives_an_office_introduces_a_source(sentence):
    assert proposed(sentence) == [sentence]
    from workbench.extraction.colour import vox_pop

    # a life in the clause, and an office later in the sentence, is still a vox pop
    assert vox_pop("Edna Pryce, 80, who has lived on Mill Lane for 50 years, told the board "
                   "she would find the money somehow.")
    assert not vox_pop(sentence)


@pytest.mark.parametrize("sentence", [
    "By Sunday morning, about 300 residents had gathered outside the town hall.",
    "The crowd of about 2,000 cheered when the mayor took the stage.",
    "By 7 a.m., the queue outside the passport office snaked down the street.",
    "Inside the terminal, families slept on the floor beside their bags.",
    "Tourists in Venice wore ponchos as water lapped at the square.",
])
def test_a_scene_of_people_waiting_reacting_or_queueing_is_colour(sentence):
    assert proposed(sentence) == []


@pytest.mark.parametrize("sentence", [
    "About 2,500 fans gathered outside the stadium on Saturday, police said.",
    "Queues of lorries stretched 20 miles along the M20 on Friday.",
    "Patients waited longer in December than in any month on record.",
    "Families sheltered in schools after 3,000 homes were flooded.",
    "The line of credit stretched to $4 billion after the bank intervened.",
])
def test_people_waiting_or_a_crowd_counted_by_a_source_is_still_news(sentence):
    assert proposed(sentence) == [sentence]


@pytest.mark.parametrize("sentence", [
    "That was the message the union posted on its website on Monday.",
    "The statement was attributed to the firm's chief executive, Ana Ruiz.",
    "It is a letter the minister sent to MPs last week.",
])
def test_a_sentence_saying_where_a_quote_came_from_is_a_pointer(sentence):
    assert proposed(sentence) == []


@pytest.mark.parametrize("sentence", [
    "It was a statement that the company released in 2019 that first disclosed the $40 "
    "million loss.",
    "The letter was signed by 140 doctors and sent to the health minister on Friday.",
])
def test_a_statement_that_carries_a_figure_is_not_a_pointer(sentence):
    assert proposed(sentence) == [sentence]


@pytest.mark.parametrize("sentence", [
    '"Passenger safety is our top priority. We are acting out of an abundance of caution," '
    "said a spokesperson for the airline.",
    '"We take these concerns extremely seriously and will cooperate fully with the regulator," '
    "the company said in a statement.",
    '"Our thoughts are with the families of those affected," said Mayor Tom Reilly.',
])
def test_the_set_phrases_of_a_press_statement_are_not_a_claim(sentence):
    assert proposed(sentence) == []


@pytest.mark.parametrize("sentence", [
    '"Safety is our top priority, which is why we grounded all 14 aircraft on Monday," said a '
    "spokesperson for the airline.",
    '"We apologise to the 3,000 customers whose flights were cancelled," said chief executive '
    "Ana Ruiz.",
    '"Crews have restored power to 40,000 homes and are working around the clock to reach the '
    'rest," said Dana Cole, a spokeswoman for the utility.',
])
def test_a_press_statement_that_also_states_a_fact_is_still_proposed(sentence):
    assert proposed(sentence) == [sentence]


@pytest.mark.parametrize("sentence", [
    '"We take this very seriously. Three members of staff have been suspended," the trust '
    "said.",
    '"I have never seen anything like it in all my years. The river rose two metres in an '
    'hour," said Tom Evans, a farmer at Llanon.',
])
def test_a_set_phrase_judges_its_own_sentence_not_the_event_told_after_it(sentence):
    assert proposed(sentence) == [sentence]


@pytest.mark.parametrize("sentence", [
    "Residents on Harbour Road said they had heard two loud bangs but did not see anyone.",
    "Commuters at Union Station complained of crowded platforms and no announcements.",
    "Investors on Friday were unconvinced.",
    "The club's supporters were far less forgiving on social media.",
    "Prosecutor Ana Lind urged the jury to look at the evidence.",
    "The union called on ministers to reopen talks.",
])
def test_the_publics_accounts_a_groups_mood_an_appeal_and_a_witness_measure_are_colour(
        sentence):
    assert proposed(sentence) == []


@pytest.mark.parametrize("sentence", [
    "Residents of the tower said 40 flats had been without heat since October.",
    "Witnesses at the scene said the gunman fired at least 10 shots.",
    "Voters were divided 48% to 47% on the measure, the poll found.",
    "The union called for a 12% pay rise over two years.",
    "Two people familiar with the talks said the minister had urged the bank to delay the sale.",
    "‘We have never seen it this bad: 400 admissions in a week,’ said Dr Ana Lind, a GP.",
])
def test_a_group_or_an_appeal_that_states_a_figure_or_an_event_is_still_proposed(sentence):
    assert proposed(sentence) == [sentence]


def test_a_quote_in_single_marks_is_read_as_a_quote():
    from workbench.extraction.attribution import Attribution
    from workbench.extraction.priors import OPINION_PRIOR, news_prior

    lind = Attribution(speaker="Ana Lind", flags=(), explicit=True, pronoun=False)
    for quote in ("‘We have never seen it this bad in 20 years,’ said Ana Lind.",
                  "'We have never seen it this bad in 20 years,' said Ana Lind."):
        assert news_prior(quote, lind, False) == OPINION_PRIOR
    fact = "'We saw 400 admissions in a week, double last winter,' said Ana Lind."
    assert news_prior(fact, lind, False) > 0


@pytest.mark.parametrize("sentence", [
    "Okafor, 61, watched the vote from the public gallery with her daughter.",
    "Ruiz, in a grey suit, showed no emotion as the verdict was read.",
    "He has driven a taxi in the city for 25 years.",
    '"What this city needs is leadership, not another consultant\'s report," said councillor '
    "Tom Bell.",
])
def test_a_person_in_the_scene_a_voices_bio_and_a_prescription_are_not_claims(sentence):
    assert proposed(sentence) == []


@pytest.mark.parametrize("sentence", [
    "Okafor, 61, watched as the jury convicted her son of 14 counts of fraud.",
    "Ruiz, in a statement, said the firm had cut 300 jobs.",
    "He has served as mayor for 12 years.",
    '"Nobody in this room wants to raise taxes, but the deficit is $40 million," said Mayor '
    "Ana Ruiz.",
])
def test_a_scene_or_a_concession_that_carries_a_fact_is_still_proposed(sentence):
    assert proposed(sentence) == [sentence]


@pytest.mark.parametrize("sentence", [
    'The coach said after the match that he was "gutted for the players" but would stay on.',
    "The minister said she was 'horrified' by the footage and wanted answers.",
])
def test_a_feeling_quoted_in_reported_speech_is_not_a_claim(sentence):
    assert proposed(sentence) == []


def test_a_feeling_beside_a_figure_is_still_proposed():
    sentence = 'The coach said he was "gutted" that 4,000 season tickets went unsold.'
    assert proposed(sentence) == [sentence]


@pytest.mark.parametrize("sentence", [
    '"We will leave no stone unturned until we find out what happened," said Chief Constable '
    "Ann Reid.",
    "“Help is on its way, and nobody in this valley will be left behind,” Premier Tom Lacey said.",
    '"We understand people\'s frustration and we will not rest until the line reopens," a '
    "spokesperson for the operator said.",
])
def test_pledges_and_reassurance_in_a_statement_are_not_claims(sentence):
    assert proposed(sentence) == []


def test_a_pledge_with_a_figure_is_still_proposed():
    sentence = ('"We will not rest: 40 extra crews are on the line and power is back for 12,000 '
                'homes," said utility spokesperson Ana Ruiz.')
    assert proposed(sentence) == [sentence]


def test_people_waiting_for_a_span_counted_in_words_are_not_set_aside_as_colour():
    from workbench.extraction.colour import scene

    assert not scene("Passengers sat on the tarmac at Dulles for six hours without food.", None)
    assert scene("Passengers sat on the tarmac at Dulles with their coats on.", None)


def test_voters_in_a_survey_are_not_a_vox_pop():
    from workbench.extraction.attribution import Attribution
    from workbench.extraction.priors import EMPTY_QUOTE_PRIOR, news_prior

    nobody = Attribution(speaker=None, flags=(), explicit=False, pronoun=False)
    poll = "Voters in the survey said the economy was their top concern."
    assert news_prior(poll, nobody, False) != EMPTY_QUOTE_PRIOR
    public = "Shoppers at the market said the stalls had closed early."
    assert news_prior(public, nobody, False) == EMPTY_QUOTE_PRIOR


@pytest.mark.parametrize("sentence", [
    "The petition, signed by 12,000 people, will be presented to parliament on Tuesday.",
    "The regulator described the breach as \"the worst in the sector's history\", affecting 2.1 "
    "million customers.",
])
def test_a_notice_or_a_characterisation_beside_a_figure_keeps_its_weight(sentence):
    assert proposed(sentence) == [sentence]


@pytest.mark.parametrize("sentence", [
    "The free helpline, 1800 555 019, is open 24/7.",
    "Patients can ring the surgery on 096 21450.",
])
def test_a_free_line_or_an_area_code_before_a_stop_or_comma_is_a_service_note(sentence):
    assert proposed(sentence) == []


def test_a_count_that_looks_like_a_free_line_prefix_is_still_news():
    sentence = "The fund paid out 1800 claims worth $3 million in 2024."
    assert proposed(sentence) == [sentence]


@pytest.mark.parametrize("sentence", [
    'Police said a search of a house in Redwood on Tuesday found a replica pistol, a vest and '
    '"a significant sum" of cash.',
    'Investigators said the driver had been "well over the limit" when his van hit two cyclists '
    'on Route 9 in March.',
])
def test_a_neutral_phrase_quoted_in_reported_speech_of_a_fact_is_proposed(sentence):
    assert proposed(sentence) == [sentence]


@pytest.mark.parametrize("sentence", [
    'Mieterforum, the largest tenants\' group, called the extension "a plaster, not a cure".',
    'Councillor Mary Byrne, one of the three members who broke ranks, accused the mayor of '
    '"hiding behind a spreadsheet".',
])
def test_a_characterisation_in_reported_speech_stays_a_view(sentence):
    assert proposed(sentence) == []


@pytest.mark.parametrize("sentence", [
    '"I walked past that corner every morning for years. I never felt unsafe," said neighbour '
    "Tom Reilly.",
    '"You never think it will be your street. How are we supposed to sleep now?" said resident '
    "Jana Novak.",
    "“We waited and waited, and nobody came. I have never felt so alone,” said Carla Mendes, a "
    "nurse.",
])
def test_a_quote_of_what_the_speaker_lived_or_asks_is_not_a_claim(sentence):
    assert proposed(sentence) == []


@pytest.mark.parametrize("sentence", [
    '"We closed three wards in March and cut 120 beds," said hospital chief Ana Ruiz.',
    '"We will raise the minimum wage and double the housing budget," said candidate Luis Mora.',
    '"I signed the contract on May 4, and the money left the account a week later," said '
    "former treasurer Ben Hale.",
    '"The council sold the land to a developer without a tender," said councillor Ruth Moyo.',
])
def test_a_quote_of_a_figure_a_date_a_pledge_or_a_deed_is_still_proposed(sentence):
    assert proposed(sentence) == [sentence]


@pytest.mark.parametrize("sentence", [
    '"Experience matters far more than credentials in this job," said coach Dan Moyo.',
    "'I would rather lose a match than lose my dignity,' said striker Leo Santos.",
    '"A club that spends more than it earns cannot plan," said chairman Ian Reid.',
])
def test_a_quote_that_weighs_things_without_a_measure_is_not_a_claim(sentence):
    assert proposed(sentence) == []


@pytest.mark.parametrize("sentence", [
    '"Rents here are higher than anywhere else in the state," said housing officer Mia Cole.',
    '"The plant runs at less than half its capacity," said chief executive Greg Hall.',
    '"Crime in the district is now lower than it was a decade ago," said police chief Ana Ruiz.',
])
def test_a_quoted_comparison_with_a_measure_or_a_record_is_still_proposed(sentence):
    assert proposed(sentence) == [sentence]


@pytest.mark.parametrize("sentence", [
    '"It was a calculated move and a deeply cynical one," said opposition leader Sam Obi.',
    '"The whole system has been a shambles from the start," said councillor Jo Hart.',
    '"This is a very complicated case for a very divided town," said attorney Lee Marsh.',
])
def test_a_quoted_participle_that_describes_is_not_an_event(sentence):
    assert proposed(sentence) == []


@pytest.mark.parametrize("sentence", [
    '"Two men have been charged and a third was released," said Inspector Kate Doyle.',
    '"The board approved a sophisticated new scanner," said hospital chief Ana Ruiz.',
])
def test_a_quoted_act_beside_a_describing_participle_is_still_proposed(sentence):
    assert proposed(sentence) == [sentence]


def test_a_concession_beside_a_comparison_that_only_weighs_is_not_a_claim():
    sentence = ('"Nobody in this party wants a fight. But a government that spends more than it '
                'raises cannot last," said party chairman Omar Diallo.')
    assert proposed(sentence) == []
    fact = ('"Nobody in this party wants a fight. But we spent twice as much as we raised," '
            "said party chairman Omar Diallo.")
    assert proposed(fact) == [fact]


@pytest.mark.parametrize("sentence", [
    'Tomas Berg, a lecturer in law who has taught at the college for 22 years, called the cuts '
    '"a slow demolition of the faculty".',
    'The Builders\' Federation called the data "a warning light" and renewed its call for the '
    'levy to be scrapped on homes under $800,000.',
    'One fund manager described Baxter & Hale as "a business that has stopped trying".',
])
def test_a_characterisation_stays_a_view_beside_a_bio_a_demand_or_a_firm_with_an_ampersand(
        sentence):
    assert proposed(sentence) == []


def test_a_bio_or_a_demand_beside_a_characterisation_is_set_aside_but_a_fact_is_not():
    from workbench.extraction.priors import _characterised

    assert _characterised('Tomas Berg, a lecturer in law who has taught at the college for 22 '
                          'years, called the cuts "a slow demolition of the faculty".')
    assert _characterised('The federation called the data "a warning light" and renewed its call '
                          'for the levy to be scrapped on homes under $800,000.')
    sentence = ('The union called the offer "an insult" after the company cut 300 jobs at the '
                'plant in May.')
    assert not _characterised(sentence)
    assert proposed(sentence) == [sentence]


@pytest.mark.parametrize("sentence", [
    '"Every winter the trains are late. I have stood on that platform for years," said Jonas '
    "Pires, a baker who lives in Almada.",
    '"Two of my cousins caught it last year. I will not wait," declared Awa Sylla, a tailor of '
    "29 years.",
    '"We had 40 days of rain and the road washed out twice," said Maeve Quirke, a mother of four.',
])
def test_a_voice_introduced_by_home_family_or_an_age_in_years_is_a_vox_pop(sentence):
    assert proposed(sentence) == []


def test_a_parent_who_holds_an_office_or_a_veteran_of_a_service_is_still_a_source():
    from workbench.extraction.colour import vox_pop

    assert not vox_pop('"Enrolment fell 12% in 2025," said Maeve Quirke, a mother of four who '
                       "chairs the school board.")
    assert not vox_pop('"Calls rose 30% in May," said Jonas Pires, a veteran of 20 years at the '
                       "ambulance service.")
    assert not vox_pop('"We shed 40 jobs in March," said Ana Ruiz, a manager who lives in Porto.')


@pytest.mark.parametrize("sentence", [
    "Around 80 nurses protested outside the health board's offices before the meeting.",
    "A few hundred residents marched along the seafront on Saturday.",
    "In the village of Kessa, beside the old well, mothers waited with plastic jerrycans.",
])
def test_a_rough_crowd_that_protests_or_a_scene_set_in_two_phrases_is_colour(sentence):
    from workbench.extraction.colour import scene

    assert scene(sentence, None)
    assert proposed(sentence) == []


@pytest.mark.parametrize("sentence", [
    "About 5,000 people protested outside parliament on Saturday, police said.",
    "In the main hospital, on the night of the fire, patients waited 14 hours for a bed.",
])
def test_a_crowd_counted_by_a_source_or_a_scene_with_a_figure_is_still_proposed(sentence):
    from workbench.extraction.colour import scene

    assert not scene(sentence, None)
    assert proposed(sentence) == [sentence]


def test_a_fact_before_a_characterisation_keeps_the_sentence_proposed():
    sentence = "After fire destroyed 40 homes on Monday, the mayor called it “a catastrophe”."
    assert proposed(sentence) == [sentence]
    # the speaker's own introduction before the verb is still no fact
    opinion = ("Ana Ruiz, who has taught there for 19 years, called the plan “a betrayal of "
               "every family in this town”.")
    assert proposed(opinion) == []


def test_a_photojournalist_credit_is_cut_from_its_caption():
    text = ("Firefighters work at the scene of the blaze in Leeds on Nov. 18. Jane Doe Staff "
            "photojournalist\n")
    assert [s.role for s in segment(text)] == ["caption", "credit"]


@pytest.mark.parametrize("line", [
    "Posted by Dana Whitcombe on March 4, 2027 at 9:12 a.m.",
    "14 comments",
    "Comments (3)",
    "-END- 03/04/2027 09:15 AM",
    "Follow the Valley Ledger on Instagram and Threads for updates.",
    "Support our newsroom with a tax-deductible donation today.",
    "Support the Harbour Courier for the price of a coffee.",
    "Independent journalism costs money.",
    "The Civic Reporting Partnership is funded by the Arts Council and provided to local "
    "newspapers across the region.",
    "Authorised by Sam Okoro, Campaign Director, Union of Bus Workers, 14 Pitt Street.",
    "Case: State v. Marsh, No. 25-CR-0412, Dover County Circuit Court.",
    "KEY POINTS • 2,300 homes were flooded • The river rose 4 metres",
    "Dana Whitcombe March 4, 2027 09:12 5 min read",
])
def test_more_of_a_pages_own_lines_are_not_body(line):
    expected = "byline" if "min read" in line else "source_line"
    assert {s.role for s in segment(line)} == {expected}


@pytest.mark.parametrize("line", [
    "Support for the levy fell to 41% in the council's own survey.",
    "Follow-up tests found 12 more cases, the ministry said.",
    "Posted by the ministry on Monday, the figures showed a 4% rise in admissions.",
    "Comments by the mayor drew 300 complaints, the council said.",
    "Highlights of the budget include a 3% cut in the sales tax.",
])
def test_sentences_that_open_like_page_lines_are_still_body(line):
    assert role_of(line) == "body"
