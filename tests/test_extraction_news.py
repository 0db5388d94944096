"""News conventions: unnamed sources, institutions as speakers, captions, opinion quotes,
quotes over several sentences, restatements without attribution, kinds by what is checked."""

from __future__ import annotations

import pytest

from workbench.extraction import extract, priors
from workbench.extraction.attribution import Attribution, attribute


def _last(text: str):
    return extract(text, include_all=True)[-1]


@pytest.mark.parametrize("sentence", [
    "A senior official at the ministry said the budget would be cut.",
    "The budget will be cut, said an official who spoke on condition of anonymity.",
    "A council aide, who asked not to be named, said the funds were moved.",
    "Experts warned that the river could flood again.",
    "Prices will rise, according to people familiar with the plan.",
    "A nurse, who was not authorized to speak publicly, said two wards had closed.",
    "A teacher, who declined to be identified, said the school had no heating.",
    "Investigators say the fire started in the kitchen.",
    "The bank will close 40 branches, according to two people briefed on the plans.",
    "Officials who declined to be identified said the mine would reopen.",
])
def test_unnamed_sources_are_flagged(sentence):
    found, _ = attribute(sentence)
    assert found is not None and "anonymous_source" in found.flags


@pytest.mark.parametrize(("sentence", "speaker"), [
    ("Cultivation rose 10 percent, the United Nations Office on Drugs and Crime said.",
     "United Nations Office on Drugs and Crime"),
    ("The mayor's office said on Monday that the deficit would reach $3 million.",
     "the mayor's office"),
    ("The town grew 6 percent, the census bureau reported.", "the census bureau"),
    ("The Congressional Budget Office estimated that the plan would cost $9 billion.",
     "the Congressional Budget Office"),
    ("U.S. employers added 212,000 jobs in May, the Bureau of Labor Statistics reported.",
     "Bureau of Labor Statistics"),
])
def test_institutions_speak(sentence, speaker):
    assert _last(sentence).speaker == speaker


def test_generic_plurals_are_not_named_speakers():
    c = _last("Supporters say the mayor is the only candidate who can win.")
    assert "anonymous_source" in c.flags
    assert _last("Prosecutors said Moreno moved $2 million to his brother.").speaker is None


def test_a_pronoun_refers_to_the_last_person_named_never_to_a_group():
    first = "“We raised $2 million in a week,” he said.\n"
    alone = extract("Supporters say the mayor is the best candidate.\n\n" + first,
                    include_all=True)[-1]
    assert alone.speaker is None and "missing_speaker" in alone.flags
    after = extract("Sen. Ann Cole said the bill failed.\n\n"
                    "Supporters say the mayor is the best candidate.\n\n" + first,
                    include_all=True)[-1]
    assert after.speaker == "Ann Cole" and not after.flags
    body = extract("Sen. Ann Cole said the bill failed.\n\n"
                   "The mayor's office said the vote was lost by 3 votes.\n\n" + first,
                   include_all=True)[-1]
    assert body.speaker == "Ann Cole"


@pytest.mark.parametrize(("sentence", "speaker"), [
    ("“We cut 300 jobs last year,” said chief operating officer Lena Brandt.", "Lena Brandt"),
    ("“We lost 12 percent of our riders,” transit director Omar Haddad said.", "Omar Haddad"),
    ("“She paid every fine on time,” said her lawyer, Ruth Adler.", "Ruth Adler"),
    ("“I sold bread at that corner for 20 years,” said baker Tomás Ruiz, 61.", "Tomás Ruiz"),
    ("Harbor Gas & Light asked regulators to raise rates by 6 percent, the utility said.",
     "Harbor Gas & Light"),
    ("Most of the money will go to 25 new officers, said council member Jan Rhodes, who "
     "wrote the plan.", "Jan Rhodes"),
    ("The storm damaged 400 homes, according to the Red Cross.", "Red Cross"),
    ("The FAA estimated that 2,000 flights were delayed.", "FAA"),
    ("Cases rose 9 percent, the Centers for Disease Control and Prevention said.",
     "Centers for Disease Control and Prevention"),
    ("A nurse was charged with theft, the Tulsa County district attorney's office said.",
     "the Tulsa County district attorney's office"),
    # a document is a source to look up, not a speaker
    ("The storm damaged 400 homes, according to a county damage report.", None),
    ("Burglaries fell 14 percent last year, according to city figures.", None),
])
def test_titles_bodies_and_documents(sentence, speaker):
    assert _last(sentence).speaker == speaker


@pytest.mark.parametrize(("sentence", "speaker"), [
    # a title before the name is not part of it
    ("“Wages went up 22 percent,” House Speaker Ana Cruz told reporters.", "Ana Cruz"),
    ("“Prices rose 3 percent,” Fed Governor Tim Bell said in an interview.", "Tim Bell"),
    ("The deficit fell to $2 billion, the shadow finance minister, Sara Holm, said.",
     "Sara Holm"),
    # forecasts and documents by a named body are that body's
    ("The World Bank projected in June that growth would slow to 2 percent.",
     "the World Bank"),
    ("Crime fell 8 percent, according to an analysis by the nonpartisan Urban Crime Lab.",
     "Urban Crime Lab"),
    ("Rents rose 5 percent, according to figures published by Statistics Norway on Monday.",
     "Statistics Norway"),
    ("Modelling by the Coastal Research Agency suggests floods could double by 2040.",
     "Coastal Research Agency"),
    # bodies whose names hold "and" or a possessive
    ("Ports and Harbours Scotland says 40 ferries were cancelled.", "Ports and Harbours Scotland"),
    ("Italy's transport ministry said 40 ferries were cancelled.", "Italy's transport ministry"),
])
def test_speakers_are_named_as_news_copy_names_them(sentence, speaker):
    assert _last(sentence).speaker == speaker


@pytest.mark.parametrize(("sentence", "flag"), [
    ("The talks have stalled, a person familiar with the matter said.", "anonymous_source"),
    ("Farm groups estimate that growers could lose $40 million.", "anonymous_source"),
    ("The median official now expects only one cut in 2027.", "hedged"),
    ("The outlook gives the region a 60 per cent chance of a dry winter.", "hedged"),
])
def test_forecast_hedges_and_unnamed_sources_are_flagged(sentence, flag):
    assert flag in _last(sentence).flags


def test_a_new_quote_with_no_verb_after_a_persons_quote_has_no_speaker():
    text = ("“Thefts rose 40 percent,” Police Chief Tom Wade said on Monday. "
            "“The plates came off within the hour.”\n")
    last = extract(text, include_all=True)[-1]
    assert last.speaker is None and "missing_speaker" in last.flags
    longer = ("“These were no joyriders. They moved $2 million of trucks,” Police Chief Tom "
              "Wade said at a news conference. “The plates came off within the hour.”\n")
    last = extract(longer, include_all=True)[-1]
    assert last.speaker is None and "missing_speaker" in last.flags
    after_narration = ("Mayor Ann Whit called the cap a blunt instrument. “I offered them a "
                       "5 percent cap in October. Nobody ever called back.”\n")
    last = extract(after_narration, include_all=True)[-1]
    assert last.speaker is None and "missing_speaker" in last.flags
    # a body's statement running on is still one statement
    body = ("“He took $240,000,” the U.S. Attorney's Office said in a statement. "
            "“He kept it for years.”\n")
    assert "missing_speaker" not in extract(body, include_all=True)[-1].flags


def test_the_company_is_the_company_the_article_named():
    named = extract("Norbrook Foods will shut two bakeries in March, the company said.\n\n"
                    "The company, which employs 900 people, said 80 jobs would go.\n")
    assert [c.speaker for c in named] == ["Norbrook Foods", "Norbrook Foods"]
    # the name the sentence opens with is the company's, as most labels read it ...
    assert _last("Kessler will shut two bakeries in March, the company said.").speaker == (
        "Kessler")
    # ... unless the article quoted that name as a person's: its own words are kept
    person = ("“We had no choice,” said Anna Kessler, its owner.\n\n"
              "Kessler will shut two bakeries in March, the company said.\n")
    assert _last(person).speaker == "the company"


@pytest.mark.parametrize(("sentence", "kind", "flags"), [
    ("The governor's office said it would review the contract.", "event", ()),
    ("People familiar with the matter said the bank would move its headquarters to Dallas.",
     "prediction", ("anonymous_source",)),
    ("Finance Minister Raj Patel is expected to keep his job, the people said.",
     "prediction", ("anonymous_source", "hedged")),
    ("Two council members, who asked not to be named, said the rule had been written by a "
     "lobbyist.", "event", ("anonymous_source",)),
])
def test_reported_speech_about_facts_and_plans_is_proposed(sentence, kind, flags):
    (claim,) = extract(sentence)
    assert (claim.kind, claim.flags) == (kind, flags)


@pytest.mark.parametrize(("sentence", "kind"), [
    ("“We will raise wages for every nurse in the state,” Cole told supporters in Reno.",
     "prediction"),
    ("“The council kept the report from the public,” Cole said.", "event"),
    ("“We lost one vote. We did not lose the argument,” Cole told reporters.", "event"),
])
def test_quotes_of_forecasts_and_irregular_past_events_are_proposed(sentence, kind):
    (claim,) = extract(sentence)
    assert (claim.kind, claim.speaker) == (kind, "Cole")


def test_a_quote_attributed_again_is_a_new_claim():
    text = "“It is the right call,” Cole said. “The board hid the figures for a year,” Reyes said."
    claims = extract(text, include_all=True)
    assert [(c.speaker, c.checkworthy) for c in claims] == [("Cole", False), ("Reyes", True)]


def test_a_lead_in_and_the_quote_that_backs_it_are_one_claim():
    text = ("Sutton has accused the council of letting rents double. “Rents rose 104 percent "
            "in ten years,” he said.")
    (claim,) = extract(text)
    assert (claim.start, claim.end, claim.speaker) == (0, len(text), "Sutton")


@pytest.mark.parametrize("sentence", [
    "“We've given up for now,” said Dana Ruiz, a nurse who has been looking for two years.",
    "“It is exhausting. My staff have not had a day off in weeks,” she said.",
    "Councilor Pia Lund called the plan “a giveaway to developers.”",
    "Residents cheered outside the courthouse.",
    "Supporters of the mayor say she remains the strongest candidate.",
    "The tax takes effect on Jan. 1.",
    "The next hearing in the case has been fixed for December 9.",
    # reported speech that only characterises in quote marks
    'Council chair Trevor Healy said beekeepers had been "left to carry the cost of a national '
    'problem".',
    "Campaigner Llinos Rees said the result was “a slap in the face”.",
    "Carla Whitfield said the charges were “a start, not a finish” and called on the city to act.",
    # a vow of resolve
    "“We will not give up without a fight,” said campaign organiser Priya Shah.",
    "Campaigners say they will fight on.",
    "Union leader Mick Lynch vowed to fight on until the dispute is settled.",
    "“We'll keep pushing, and we won't back down,” she said.",
    # a commitment in the abstract
    "Deputy Chief Minister DK Shivakumar said the government was committed to decongesting "
    "the city.",
    "The company said it remained fully committed to its Irish workforce.",
    # a boast, a feeling, a superlative of one's own experience, a member of the public
    "“Mark my words, this will be the defining election of our lifetime,” said Rep. Jim Carter.",
    "“We're going to win this thing in November,” he told supporters in Des Moines.",
    "“It feels like 1929 all over again,” one trader said.",
    "“Teachers are at breaking point,” said the union's general secretary.",
    "“Honestly, it was the best day of my life,” said 19-year-old Aoife Kelly.",
    "“I'm 67, I've worked all my life, and now I can't afford to heat my home,” said pensioner "
    "Margaret Hughes.",
    "“The sky turned orange, it was like the end of the world,” said Bega resident Kylie Nguyen.",
    # a feeling, a pledge, a lesson in set words and a reaction drawn
    "Residents said they felt abandoned by the authorities.",
    "The prime minister vowed to “leave no stone unturned” in the investigation.",
    "The club said it would “learn lessons” from the incident.",
    "When approached by the Herald, he said he had “nothing to add”.",
    # an answer that gives none
    "Asked whether he was confident a deal could be reached, Schumer said: “We'll see.”",
    "“Time will tell,” said Reeves when asked whether growth would return in 2026.",
])
def test_reactions_views_and_notices_are_not_proposed(sentence):
    assert not extract("Dana Ruiz met reporters.\n\n" + sentence)


@pytest.mark.parametrize("sentence", [
    "The government refused to back down and passed the bill by 312 votes to 250.",
    "“We will not give up the 40 beds we won in 2022,” said ward sister Anne Doyle.",
    "“We will see whether 2,000 jobs are cut by March,” Berg said.",
    "The minister said the government was committed to cutting emissions by 40% by 2030.",
    "“We're going to win 40 seats, up from 12 in 2019,” the party leader said.",
    # set words with their literal meaning
    "The Fed would keep pushing rates higher until inflation returned to target, Powell said.",
    "The man was committed to trial at the Central Criminal Court.",
    "The inquiry found that the trust had failed to learn lessons from earlier deaths.",
    "It was a bad night for the Conservatives, who lost more than 400 council seats.",
    "Under the new rules, about 4,000 workers who protested last year could lose their pensions.",
    "Tempers flared at the meeting, where councillors voted 7-2 to close the library.",
    "The delays are due in part to a shortage of air traffic controllers.",
    "The case was adjourned to 22 November after the defendant was admitted to hospital.",
    "Police said 34-year-old Mark Hughes was arrested at the scene and charged with murder.",
    "The Holocaust Memorial Trust said survivor Lily Ebert died on Tuesday at the age of 98.",
    "The mayor has not responded to a request for comment about the $2m contract awarded to "
    "his brother.",
    "A senior official said the government had committed to the increase in its talks with "
    "the IMF.",
])
def test_a_vow_that_states_a_fact_is_still_proposed(sentence):
    assert extract("Dana Ruiz met reporters.\n\n" + sentence)


@pytest.mark.parametrize("line", [
    "Photo: Senators leave the Capitol after the vote.",
    "Pictured: A nurse prepares a vaccine. (Photo: Kim Lee/Denver Post)",
    "The harbour at dawn. Credit: Jo Banks/AFP",
    "Additional reporting by Mark Ellis.",
    "By Laura Chen",
    "Reporting by Tom Hale; Editing by Susan Fenton",
    "Write to Grace Lin at glin@example.com",
    "File photo: Police officers stand guard outside the court in 2024.",
    "Our journalism relies on 12,000 readers like you. Donate today.",
    "ABOUT THE AUTHOR Jane Doe is a reporter with CBC North in Yellowknife.",
    "Author: Jane Doe Published: 5:38 PM CST November 24, 2026",
    "Watch the full report from KXYZ 11 in the video player above.",
    "READ NEXT: Waits at the hospital hit worst level in three years",
    "Topics: pollution / fungi",
    "Members of the public can report illegal modifications to the authority on 1800-555-0187.",
    "The police urged the public to report such calls on the cyber crime helpline 1930.",
    "Published in The Daily Chronicle, November 27th, 2026.",
    "(END) Keystone Newswires November 27, 2026 14:22 ET (19:22 GMT)",
    "By Hannah Doe, Senior Staff Writer November 24, 2026 at 11:52 p.m.",
    "Staff writer Priya Doe contributed reporting.",
    "Farmers queue at a contract floor in Harare in May. — Picture: Jane Doe",
    "Keep up to date with all the latest news from around the county – subscribe to our ePaper "
    "for just €1.99 a week.",
    "Have your say: 14 comments",
])
def test_furniture_is_never_proposed(line):
    article = f"{line}\n\nThe council cut the budget by $4 million on Monday.\n"
    proposed = extract(article)
    assert [c.text for c in proposed] == ["The council cut the budget by $4 million on Monday."]


def test_opinion_quotes_are_not_proposed_but_checkable_quotes_are():
    article = (
        "“This is the right decision, and it is long overdue,” said Rachel Kim.\n\n"
        "“We set aside $1 million in 2023 and it was never spent,” Kim said.\n"
    )
    proposed = extract(article)
    assert [c.speaker for c in proposed] == ["Kim"]
    assert proposed[0].kind == "statistic"


def test_a_quote_over_two_sentences_is_one_claim_restated_without_its_tail():
    text = ("“Inspections were cut by a third. The bill does nothing to restore them,” "
            "Hollis said.")
    (claim,) = extract(text, include_all=True)
    assert (claim.start, claim.end, claim.speaker) == (0, len(text), "Hollis")
    assert "Hollis said" not in claim.restatement
    assert claim.restatement.endswith("The bill does nothing to restore them.")


@pytest.mark.parametrize(("sentence", "restatement"), [
    ("The mayor's office said on Monday that the deficit would reach $3 million.",
     "The deficit would reach $3 million."),
    ("The deficit reached $4 million last year, Hollis said.",
     "The deficit reached $4 million last year."),
    ("Colorado has confirmed 47 cases, the state health department said Wednesday, the most "
     "since 1994.", "Colorado has confirmed 47 cases, the most since 1994."),
    ("A council aide, who asked not to be named, said the money had been moved.",
     "The money had been moved."),
    ("He said nothing.", "He said nothing."),
    ("The governor's office said it would review the contract.",
     "The governor's office would review the contract."),
    ("Opposition leader Mark Sutton said on Friday that the government had broken its "
     "promise.", "The government had broken its promise."),
])
def test_restatements_are_sentences_without_the_attribution(sentence, restatement):
    assert _last(sentence).restatement == restatement


@pytest.mark.parametrize(("sentence", "kind"), [
    ("A hearing on the matter is scheduled for April 3.", "event"),
    ("The Senate voted 61-38 on Thursday to approve the bill.", "event"),
    ("Police arrested a 34-year-old man on Sunday.", "event"),
    ("The man has been charged with burglary.", "designation"),
    ("Petro cannot run again but an ally is leading in the polls.", "designation"),
    ("Wage growth has outpaced inflation for a year.", "comparison"),
    ("The unemployment rate fell to 3.9 percent in May.", "statistic"),
    ("The researchers attributed the loss to a dry winter.", "causal"),
    ("The company blamed weak demand, which fell 22 percent in 2025.", "causal"),
    ("Diesel costs three times as much as it did in 2020.", "comparison"),
    ("The council voted 7-2 to close the library's 3 branches.", "event"),
    ("The board voted 6-3 to raise taxes by 4 percent.", "statistic"),
    ("If convicted, Moreno faces up to 15 years in prison.", "statistic"),
    ("A teacher was charged on Friday with stealing $9,000.", "designation"),
    ("At least six patients received diluted doses.", "statistic"),
    ("State law requires the commission to rule within eight months.", "designation"),
    ("A judge on Friday blocked a city ordinance that bans food trucks.", "designation"),
    ("The minister will replace at least four deputies this week.", "prediction"),
])
def test_kinds_follow_what_would_be_checked(sentence, kind):
    assert _last(sentence).kind == kind


@pytest.mark.parametrize(("sentence", "hedged"), [
    ("The bridge carries about 14,000 vehicles a day.", True),
    ("Nearly all of the cases were in children.", True),
    ("A single year says little about long-term trends.", False),
    ("The hearing is in May.", False),
    ("The mayor of Troy was convicted.", False),
    ("A rock about the size of a car fell on the road.", True),
    ("Analysts expect the central bank to cut rates in June.", True),
])
def test_hedges(sentence, hedged):
    assert ("hedged" in _last(sentence).flags) is hedged


@pytest.mark.parametrize(("sentence", "kind"), [
    # a forecast is a prediction, whatever numbers it holds
    ("Officials now expect inflation to end the year at 3 percent.", "prediction"),
    ("The World Bank projected in June that growth would slow to 1.6 percent.", "prediction"),
    ("The outlook gives the region a 60 per cent chance of below-normal rain.", "prediction"),
    # ... but a figure measured against a forecast is a statistic
    ("Employers added 212,000 jobs, well above the 170,000 economists had forecast.",
     "statistic"),
    # an action with an amount or a count is an event
    ("The central bank left its key rate unchanged at 3.5 percent on Wednesday.", "event"),
    ("A judge on Monday set bond at $250,000 for the ring's organizer.", "event"),
    ("Detectives arrested 14 men on Friday.", "event"),
    # a gap between two figures is the comparison itself
    ("Rivals sell comparable turbines for 20% to 30% less, analysts say.", "comparison"),
    ("Only 12 antibiotics were approved, fewer than in any decade since the 1960s.",
     "comparison"),
    ("Tariffs explain much of the rise in goods prices, analysts say.", "causal"),
    # a number written in words, and a count of times, are statistics
    ("Infections kill more than a million people a year, the agency has said.", "statistic"),
    ("It was the third time this year that the council has overturned a veto.", "statistic"),
    # what a bill requires is a legal status
    ("Under the bill, a county must first win approval from its voters.", "designation"),
    # a characterisation in quote marks is checked as words said
    ("Health Secretary Mark Ell told MPs last month that the service went into this winter "
     "“better prepared than ever”.", "quote"),
    ("Modelling by the health agency suggests that 5,000 patients a day could be in "
     "hospital by January.", "prediction"),
    # what may happen is a prediction
    ("Dr. Lee estimated that a version safe enough for a first trial in people could be "
     "ready in three years.", "prediction"),
])
def test_kinds_follow_what_would_be_checked(sentence, kind):
    assert _last(sentence).kind == kind


def test_colour_is_not_proposed_whatever_numbers_it_holds():
    none = Attribution(None)
    scene = "On a recent afternoon, the dry bed of the reservoir stretched 300 metres."
    assert priors.news_prior(scene, none, False) == priors.COLOUR_PRIOR
    vox = ("“I walked out at 6 in the morning and it was gone,” said Kara Sims, whose truck "
           "was taken in June.")
    who = Attribution("Kara Sims", (), True)
    assert priors.news_prior(vox, who, False) == priors.COLOUR_PRIOR
    # a source introduced by a role is not a passer-by
    role = ("“We lost 12 percent of the ice in 2022,” said Ana Holm, who led the study.")
    assert priors.news_prior(role, Attribution("Ana Holm", (), True), False) > 0


def test_a_claim_in_a_list_starts_after_the_lists_mark():
    article = ("Key figures\n\n• Inflation rose to 3.2% in October, up from 2.9% in September.\n\n"
               "- The Bank of England is expected to hold rates at 4% next week.\n")
    proposed = extract(article)
    assert [c.text for c in proposed] == [
        "Inflation rose to 3.2% in October, up from 2.9% in September.",
        "The Bank of England is expected to hold rates at 4% next week.",
    ]
    assert all(article[c.start:c.end] == c.text for c in proposed)


@pytest.mark.parametrize("sentence", [
    "Health Secretary Wes Streeting told MPs the NHS was “better prepared than ever” for winter.",
    'The attorney general\'s office said it was "reviewing the decision" and could ask the court '
    "to reopen the case within 30 days.",
])
def test_a_quoted_claim_that_measures_or_goes_on_is_still_proposed(sentence):
    assert [c.text for c in extract("Dana Ruiz met reporters.\n\n" + sentence)] == [sentence]


@pytest.mark.parametrize("text", [
    "The full House votes on the bill on Thursday, after the committee approved it 31-24.",
    "By Tuesday night the water had reached 300 homes, the council said at 9:30 p.m.",
    "Victims of cyber fraud can call the national cybercrime helpline 1930, which received 1.1 "
    "million complaints in 2024, officials said.",
    "The utility said the water was \"safe to drink\" after the boil notice was lifted.",
    "The company said the data breach had been \"contained\" within hours.",
    "The new children's hospital is expected to open in 2027, eight years late.",
])
def test_body_sentences_that_look_like_page_lines_or_views_are_still_proposed(text):
    article = "Heavy rain flooded 140 homes in Ballina on Monday.\n\n" + text + "\n"
    assert [c.text for c in extract(article)][-1] == text


def test_a_helpline_paragraph_that_goes_on_keeps_its_facts():
    article = ("Heavy rain flooded 140 homes in Ballina on Monday.\n\nAnyone can call the helpline "
               "on 0800 100 900. Calls to the service rose 40% to 96,000 last year, the charity "
               "said.\n")
    assert extract(article)[-1].text.startswith("Calls to the service rose 40%")
