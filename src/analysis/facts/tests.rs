//! Tests of the fact extractor.

use super::{extract_facts, tokens::*, types::*};
use crate::ingest::Span;

/// Every span of `facts` is on char boundaries of `s` and slices to the fact's text.
fn assert_spans_ok(s: &str, facts: &Facts) {
    let check = |span: Span, text: &str| {
        assert!(
            span.start <= span.end && span.end <= s.len(),
            "span {span:?} out of {s:?}"
        );
        assert!(
            s.is_char_boundary(span.start) && s.is_char_boundary(span.end),
            "span {span:?} not on char boundaries of {s:?}"
        );
        assert_eq!(span.slice(s), text, "span text mismatch in {s:?}");
    };
    for n in &facts.numbers {
        check(n.span, &n.text);
        assert!(n.value.is_finite());
    }
    for t in &facts.times {
        check(t.span, &t.text);
    }
    for q in &facts.quotes {
        check(q.span, &q.text);
    }
    for n in &facts.names {
        check(n.span, &n.text);
    }
}

fn facts(s: &str) -> Facts {
    let f = extract_facts(s);
    assert_spans_ok(s, &f);
    f
}

fn one_number(s: &str) -> NumberFact {
    let f = facts(s);
    assert_eq!(f.numbers.len(), 1, "{s:?}: {:?}", f.numbers);
    f.numbers.into_iter().next().unwrap()
}

fn time_keys(s: &str) -> Vec<String> {
    facts(s).times.into_iter().map(|t| t.key).collect()
}

fn one_time(s: &str) -> TimeFact {
    let f = facts(s);
    assert_eq!(f.times.len(), 1, "{s:?}: {:?}", f.times);
    f.times.into_iter().next().unwrap()
}

fn names(s: &str) -> Vec<String> {
    facts(s).names.into_iter().map(|n| n.text).collect()
}

fn quotes(s: &str) -> Vec<String> {
    facts(s).quotes.into_iter().map(|q| q.text).collect()
}

fn source(s: &str) -> Attribution {
    facts(s)
        .attribution
        .unwrap_or_else(|| panic!("no attribution in {s:?}"))
}

// ----- tokens -----

#[test]
fn tokens_keep_words_numbers_and_acronyms_whole() {
    let cx = Cx::new("Ukraine’s U.S. envoy paid $1,200.50 at 3 p.m. on Jan. 5, rock 'n' roll.");
    let texts: Vec<&str> = (0..cx.t.len()).map(|i| cx.text(i)).collect();
    assert_eq!(
        texts,
        [
            "Ukraine’s",
            "U.S.",
            "envoy",
            "paid",
            "$",
            "1,200.50",
            "at",
            "3",
            "p.m.",
            "on",
            "Jan",
            ".",
            "5",
            ",",
            "rock",
            "'",
            "n",
            "'",
            "roll",
            "."
        ]
    );
    assert_eq!(cx.key(0), "ukraine");
    assert!(cx.poss(0));
    assert_eq!(cx.key(8), "p.m.");
}

// ----- numbers -----

#[test]
fn digits_with_separators_and_decimals() {
    let n = one_number("Officials counted 1,200 damaged homes.");
    assert_eq!(
        (n.value, n.unit, n.text.as_str()),
        (1200.0, NumberUnit::Count, "1,200")
    );
    assert_eq!(n.counted.as_deref(), Some("home"));
    let n = one_number("Output fell 3.5 percent.");
    assert_eq!((n.value, n.unit), (3.5, NumberUnit::Percent));
}

#[test]
fn percent_forms_agree() {
    for s in [
        "It lost 20 percent of its wheat.",
        "It lost 20% of its wheat.",
        "It lost 20 per cent of its wheat.",
    ] {
        let n = one_number(s);
        assert_eq!(
            (n.value, n.unit, n.approximate),
            (20.0, NumberUnit::Percent, false),
            "{s}"
        );
        assert_eq!(n.counted.as_deref(), Some("wheat"), "{s}");
    }
    assert_eq!(
        one_number("Support rose by 4 percentage points.").unit,
        NumberUnit::Percent
    );
}

#[test]
fn fractions_in_words_before_of_are_percentages() {
    for (s, v) in [
        ("Russia holds a fifth of the land.", 20.0),
        ("Russia holds one-fifth of the land.", 20.0),
        ("Russia holds a quarter of the land.", 25.0),
        ("Russia holds a third of the land.", 33.3),
        ("Russia holds half of the land.", 50.0),
        ("Russia holds two-thirds of the land.", 66.7),
        ("Russia holds three-quarters of the land.", 75.0),
        ("Russia holds two thirds of the land.", 66.7),
    ] {
        let n = one_number(s);
        assert_eq!((n.value, n.unit), (v, NumberUnit::Percent), "{s}");
        assert!(n.approximate, "{s}");
        assert_eq!(n.counted.as_deref(), Some("land"), "{s}");
    }
}

#[test]
fn fractions_without_of_are_skipped() {
    for s in [
        "It won a third term.",
        "A two-thirds majority passed it.",
        "They waited half an hour.",
        "He came a fifth time.",
    ] {
        assert!(facts(s).numbers.is_empty(), "{s}: {:?}", facts(s).numbers);
    }
}

#[test]
fn money_forms_carry_the_full_value() {
    for (s, v) in [
        ("The deal is worth $1.2m.", 1_200_000.0),
        ("The deal is worth $1.2 million.", 1_200_000.0),
        ("The deal is worth £3bn.", 3e9),
        ("The deal is worth €40.", 40.0),
        ("The deal is worth 40 million euros.", 4e7),
        ("The deal is worth 1.5 billion dollars.", 1.5e9),
        ("The deal is worth US$5 billion.", 5e9),
        ("The deal is worth 3 million pounds.", 3e6),
    ] {
        let n = one_number(s);
        assert_eq!((n.value, n.unit), (v, NumberUnit::Money), "{s}");
    }
    assert_eq!(one_number("The deal is worth $1.2m.").text, "$1.2m");
    assert_eq!(
        one_number("Kyiv got $5 billion in aid.").counted.as_deref(),
        Some("aid")
    );
}

#[test]
fn dollar_one_point_two_m_is_exact() {
    let n = one_number("$1.2m");
    assert_eq!(
        (n.value, n.unit, n.text.as_str()),
        (1_200_000.0, NumberUnit::Money, "$1.2m")
    );
}

#[test]
fn number_words() {
    for (s, v, approx) in [
        ("They found two bodies.", 2.0, false),
        ("They found nine bodies.", 9.0, false),
        ("They found twenty-five bodies.", 25.0, false),
        ("They found a dozen bodies.", 12.0, false),
        ("They found two hundred bodies.", 200.0, false),
        ("They found dozens of bodies.", 24.0, true),
        ("They found hundreds of bodies.", 200.0, true),
        ("They found thousands of bodies.", 2000.0, true),
        ("They found millions of bodies.", 2e6, true),
        ("They found tens of thousands of bodies.", 2e4, true),
    ] {
        let n = one_number(s);
        assert_eq!(
            (n.value, n.unit, n.approximate),
            (v, NumberUnit::Count, approx),
            "{s}"
        );
        assert_eq!(n.counted.as_deref(), Some("bodi"), "{s}");
    }
}

#[test]
fn one_as_a_pronoun_and_articles_are_not_numbers() {
    for s in [
        "It was one of the worst attacks.",
        "No one was hurt.",
        "He is the one who left.",
        "A man and an officer left.",
        "Only one is left.",
    ] {
        assert!(facts(s).numbers.is_empty(), "{s}: {:?}", facts(s).numbers);
    }
    assert_eq!(one_number("One soldier died.").value, 1.0);
    let f = facts("One of the 33 miners died.");
    assert_eq!(f.numbers.len(), 1);
    assert_eq!(
        (f.numbers[0].value, f.numbers[0].counted.as_deref()),
        (33.0, Some("miner"))
    );
}

#[test]
fn number_words_inside_names_are_not_figures() {
    for s in [
        "Plans for a center near Ground Zero drew protests.",
        "The president flew aboard Air Force One to Texas.",
        "Mosque near Ground Zero divides candidates",
        "Senator Breaks With Party Over Ground Zero Mosque",
        "They were honoured for their bravery on 911.",
    ] {
        assert!(facts(s).numbers.is_empty(), "{s}: {:?}", facts(s).numbers);
    }
    // A title-cased headline still counts, and so does a sentence-initial number word.
    assert_eq!(one_number("Flood Kills Two In Kessling").value, 2.0);
    assert_eq!(one_number("Two people died near Ground Zero.").value, 2.0);
}

#[test]
fn ordinals_and_numbers_in_names_and_labels_are_not_figures() {
    for s in [
        "He invoked his Fifth Amendment right against self-incrimination.",
        "The 14th Amendment was meant to apply to former slaves.",
        "Senate Bill 1062 does not address a present concern.",
        "The plane flew as Flight 370 over the sea.",
    ] {
        assert!(facts(s).numbers.is_empty(), "{s}: {:?}", facts(s).numbers);
    }
    // An ordinal in words before a name, a count after a plain noun: figures still.
    assert_eq!(
        one_number("She was the first Democrat to win the seat.").value,
        1.0
    );
    assert_eq!(
        one_number("The senators passed 12 bills in May.").value,
        12.0
    );
}

#[test]
fn an_age_written_year_old_counts_age() {
    let n = one_number("A 14-year-old girl was hurt.");
    assert_eq!((n.value, n.counted.as_deref()), (14.0, Some("age")));
}

#[test]
fn an_age_after_a_name_counts_age() {
    let n = one_number("Mr. Halvorsen, 68, will leave at the end of February.");
    assert_eq!((n.value, n.counted.as_deref()), (68.0, Some("age")));
    let n = one_number("The mayor said 68 were rescued, officials said.");
    assert_ne!(n.counted.as_deref(), Some("age"));
}

#[test]
fn a_dotted_month_takes_its_day_before_a_plural_noun() {
    let f = facts("Republicans should show sensitivity to Sept. 11 survivors.");
    assert!(f.numbers.is_empty(), "{:?}", f.numbers);
    assert_eq!(
        time_keys("Republicans should show sensitivity to Sept. 11 survivors."),
        ["date:9-11"]
    );
    // Without the dot, a number before a plural noun still counts.
    assert_eq!(
        one_number("In March 20 protesters were arrested.").value,
        20.0
    );
}

#[test]
fn scaled_counts() {
    let n = one_number("About 1.2 million people fled.");
    assert_eq!(
        (n.value, n.unit, n.approximate),
        (1_200_000.0, NumberUnit::Count, true)
    );
    assert_eq!(n.text, "About 1.2 million");
    assert_eq!(n.counted.as_deref(), Some("peopl"));
    assert_eq!(one_number("Some 3 million homes lost power.").value, 3e6);
}

#[test]
fn ordinals() {
    let n = one_number("It was the third day of talks.");
    assert_eq!(
        (n.value, n.unit, n.counted.as_deref()),
        (3.0, NumberUnit::Ordinal, Some("day"))
    );
    let n = one_number("He came 2nd in the race.");
    assert_eq!((n.value, n.unit), (2.0, NumberUnit::Ordinal));
    let n = one_number("It rained for the first time.");
    assert_eq!((n.value, n.unit), (1.0, NumberUnit::Ordinal));
    // The adverb is not a rank.
    assert!(
        facts("The deal was first reported by Politico.")
            .numbers
            .is_empty()
    );
}

#[test]
fn hedges_make_numbers_approximate() {
    for hedge in [
        "about",
        "around",
        "roughly",
        "nearly",
        "almost",
        "some",
        "at least",
        "more than",
        "over",
        "up to",
        "an estimated",
        "approximately",
        "fewer than",
        "less than",
    ] {
        let s = format!("Officials said {hedge} 40 ships left.");
        let n = one_number(&s);
        assert!(n.approximate, "{s}");
        assert_eq!(n.text, format!("{hedge} 40"), "{s}");
        assert_eq!(n.counted.as_deref(), Some("ship"), "{s}");
    }
    assert!(!one_number("Officials said 40 ships left.").approximate);
}

#[test]
fn counted_skips_modifiers() {
    assert_eq!(
        one_number("Rescuers reached nine trapped miners.")
            .counted
            .as_deref(),
        Some("miner")
    );
    assert_eq!(
        one_number("The shaft is 300 metres deep.")
            .counted
            .as_deref(),
        Some("metr")
    );
    assert_eq!(
        one_number("Police arrested 12 more people.")
            .counted
            .as_deref(),
        Some("peopl")
    );
    assert_eq!(
        one_number("They sent 200 police officers.")
            .counted
            .as_deref(),
        Some("offic")
    );
    assert_eq!(
        one_number("Russia fired 40 cruise missiles overnight.")
            .counted
            .as_deref(),
        Some("missil")
    );
}

#[test]
fn hedged_percent_and_fraction_of_territory_agree() {
    let a = one_number("Russia controls about 20 percent of Ukraine's territory.");
    let b = one_number("Russia controls a fifth of the territory.");
    assert_eq!(
        (a.value, a.unit, a.approximate),
        (20.0, NumberUnit::Percent, true)
    );
    assert_eq!(a.text, "about 20 percent");
    assert_eq!((b.value, b.unit), (20.0, NumberUnit::Percent));
    assert_eq!(b.text, "a fifth");
    assert_eq!(a.counted.as_deref(), Some("territori"));
    assert_eq!(a.counted, b.counted);
}

#[test]
fn fraction_counts_the_head_noun() {
    let n = one_number("Fire destroyed a fifth of the old town on Friday.");
    assert_eq!(n.counted.as_deref(), Some("town"));
}

#[test]
fn at_least_nine_people() {
    let n = one_number("At least nine people were killed.");
    assert_eq!(
        (n.value, n.unit, n.approximate),
        (9.0, NumberUnit::Count, true)
    );
    assert_eq!(n.text, "At least nine");
    assert_eq!(n.counted.as_deref(), Some("peopl"));
}

#[test]
fn dozens_of_flights() {
    let n = one_number("Dozens of flights were cancelled.");
    assert_eq!(
        (n.value, n.approximate, n.counted.as_deref()),
        (24.0, true, Some("flight"))
    );
}

#[test]
fn mine_closed_for_fourteen_days() {
    let f = facts("The mine had been closed for 14 days.");
    assert_eq!(f.numbers.len(), 1);
    assert_eq!(
        (f.numbers[0].value, f.numbers[0].unit),
        (14.0, NumberUnit::Count)
    );
    assert_eq!(f.numbers[0].counted.as_deref(), Some("day"));
    assert!(f.times.is_empty());
}

#[test]
fn two_and_three_people_count_the_same_thing() {
    let a = one_number("Two people died.");
    let b = one_number("Three people died.");
    assert_eq!((a.value, b.value), (2.0, 3.0));
    assert_eq!(a.counted.as_deref(), Some("peopl"));
    assert_eq!(a.counted, b.counted);
    assert!(facts("Two people died.").names.is_empty());
}

#[test]
fn ratios_in_words_are_percentages() {
    let n = one_number("One in five adults smokes.");
    assert_eq!(
        (n.value, n.unit, n.counted.as_deref()),
        (20.0, NumberUnit::Percent, Some("adult"))
    );
}

#[test]
fn years_dates_and_clocks_are_not_counts() {
    for s in [
        "In 2022, the plant closed.",
        "The plant has been closed since 2019.",
        "The plant closed on March 5.",
        "The plant closed on Feb. 28.",
        "The plant closed at 3 p.m.",
        "The plant closed at 10:30.",
        "The plant closed in 2022.",
    ] {
        let f = facts(s);
        assert!(f.numbers.is_empty(), "{s}: {:?}", f.numbers);
        assert_eq!(f.times.len(), 1, "{s}: {:?}", f.times);
    }
    // A year-like number that counts something is a count.
    assert_eq!(one_number("About 2000 people marched.").value, 2000.0);
}

#[test]
fn nine_eleven_is_a_name() {
    let f = facts("The 9/11 attacks changed everything.");
    assert!(f.numbers.is_empty(), "{:?}", f.numbers);
    assert!(f.names.iter().any(|n| n.text == "9/11"), "{:?}", f.names);
}

// ----- times -----

#[test]
fn weekdays() {
    let t = one_time("The ship sank on Friday.");
    assert_eq!(
        (t.key.as_str(), t.text.as_str()),
        ("weekday:friday", "on Friday")
    );
    let t = one_time("Monday morning brought rain.");
    assert_eq!(
        (t.key.as_str(), t.text.as_str()),
        ("weekday:monday", "Monday morning")
    );
    let t = one_time("Shelling resumed on Sunday night.");
    assert_eq!(
        (t.key.as_str(), t.text.as_str()),
        ("weekday:sunday", "on Sunday night")
    );
    assert_eq!(
        time_keys("Thursday's letter was sent."),
        ["weekday:thursday"]
    );
}

#[test]
fn since_september_is_month_nine() {
    let t = one_time("Prices have risen since September.");
    assert_eq!(
        (t.key.as_str(), t.text.as_str()),
        ("month:9", "since September")
    );
}

#[test]
fn dates_in_every_order() {
    for (s, key) in [
        ("It opened on Jan. 5.", "date:1-5"),
        ("It opened on January 5.", "date:1-5"),
        ("It opened on 5 January.", "date:1-5"),
        ("It opened on the 5th of January.", "date:1-5"),
        ("It opened on September 12, 2022.", "date:2022-9-12"),
        ("It opened on Feb. 28, 2019.", "date:2019-2-28"),
        ("It opened on 12 September 2022.", "date:2022-9-12"),
    ] {
        assert_eq!(time_keys(s), [key], "{s}");
    }
    assert_eq!(
        one_time("It opened on Feb. 28, 2019.").text,
        "on Feb. 28, 2019"
    );
}

#[test]
fn years_months_and_month_years() {
    assert_eq!(one_time("It opened in 2022.").text, "in 2022");
    assert_eq!(time_keys("It opened in 2022."), ["year:2022"]);
    assert_eq!(time_keys("The 2022 budget passed."), ["year:2022"]);
    assert_eq!(
        time_keys("It opened in March 2022."),
        ["month:3", "year:2022"]
    );
    assert_eq!(time_keys("It opened in early March."), ["month:3"]);
    assert_eq!(one_time("It opened in early March.").text, "in early March");
    assert_eq!(time_keys("It grew by mid-2022."), ["year:2022"]);
}

#[test]
fn seasons() {
    let t = one_time("The offensive began in the fall of 2022.");
    assert_eq!(
        (t.key.as_str(), t.text.as_str()),
        ("season:autumn-2022", "in the fall of 2022")
    );
    let t = one_time("The dam will open this summer.");
    assert_eq!(
        (t.key.as_str(), t.text.as_str()),
        ("season:summer", "this summer")
    );
    assert!(
        facts("After the fall of Kabul, prices fall.")
            .times
            .is_empty()
    );
    assert!(facts("The Arab Spring began.").times.is_empty());
}

#[test]
fn relative_times() {
    for (s, key) in [
        ("The talks ended yesterday.", "relative:yesterday"),
        ("The talks end today.", "relative:today"),
        ("The talks ended last week.", "relative:last week"),
        (
            "The talks ended earlier this month.",
            "relative:earlier this month",
        ),
        ("The talks ended two days ago.", "relative:two days ago"),
        (
            "The talks ended over the past two weeks.",
            "relative:past two weeks",
        ),
    ] {
        assert_eq!(time_keys(s), [key], "{s}");
    }
    assert!(facts("The talks ended two days ago.").numbers.is_empty());
    assert!(facts("USA Today reported it.").times.is_empty());
}

#[test]
fn clock_times() {
    let t = one_time("The blast came at 3 p.m.");
    assert_eq!(
        (t.key.as_str(), t.text.as_str()),
        ("clock:15:00", "at 3 p.m.")
    );
    assert_eq!(time_keys("It began at 10:30."), ["clock:10:30"]);
    assert_eq!(
        time_keys("It began at 10:30 p.m. local time."),
        ["clock:22:30"]
    );
    assert_eq!(time_keys("It began at 9am."), ["clock:9:00"]);
    assert_eq!(time_keys("It began at midnight."), ["clock:0:00"]);
}

#[test]
fn may_the_modal_is_not_a_month() {
    assert!(facts("It may rain.").times.is_empty());
    assert!(facts("May I ask a question?").times.is_empty());
    assert!(facts("Theresa May resigned.").times.is_empty());
    assert_eq!(time_keys("Talks resume in May."), ["month:5"]);
    assert_eq!(time_keys("Talks resume May 5."), ["date:5-5"]);
    assert_eq!(time_keys("Talks resumed last May."), ["month:5"]);
    assert_eq!(
        time_keys("Talks resumed in May 2021."),
        ["month:5", "year:2021"]
    );
    assert!(names("Theresa May resigned.").contains(&"Theresa May".to_string()));
}

#[test]
fn time_phrases_include_their_preposition() {
    assert_eq!(
        one_time("Rates hold as of January 1.").text,
        "as of January 1"
    );
    assert_eq!(one_time("Rates hold until Friday.").text, "until Friday");
    assert_eq!(one_time("Rates held before 2020.").text, "before 2020");
}

#[test]
fn mattis_will_retire_in_february() {
    let f = facts("Defense Secretary Jim Mattis will retire in February.");
    assert_eq!(f.times.len(), 1);
    assert_eq!(
        (f.times[0].key.as_str(), f.times[0].text.as_str()),
        ("month:2", "in February")
    );
    assert!(
        f.names
            .iter()
            .any(|n| n.text == "Jim Mattis" || n.text == "Defense Secretary Jim Mattis"),
        "{:?}",
        f.names
    );
    assert!(!f.names.iter().any(|n| n.text.contains("February")));
}

// ----- quotes -----

#[test]
fn curly_double_quotes() {
    let s = "“We will rebuild every home,” Mayor Ilse Brandt said.";
    let f = facts(s);
    assert_eq!(f.quotes.len(), 1);
    assert_eq!(f.quotes[0].text, "We will rebuild every home,");
    assert_eq!(f.quotes[0].span.slice(s), "We will rebuild every home,");
    assert!(!s[..f.quotes[0].span.start].is_empty());
}

#[test]
fn straight_german_and_french_quotes() {
    assert_eq!(quotes("He said \"no deal\" twice."), ["no deal"]);
    assert_eq!(quotes("Er sagte „kein Deal“ heute."), ["kein Deal"]);
    assert_eq!(quotes("Il a dit « pas d'accord » hier."), ["pas d'accord"]);
    assert_eq!(quotes("He said “no” and “never”."), ["no", "never"]);
}

#[test]
fn apostrophes_are_not_quotes() {
    for s in [
        "Ukraine's army and Ukraine’s navy held.",
        "It was a hit in the ’90s and the '80s.",
        "They played rock 'n' roll all night.",
        "The workers' union and the nurses’ union struck.",
        "He didn't go, and she can’t.",
    ] {
        assert!(facts(s).quotes.is_empty(), "{s}: {:?}", facts(s).quotes);
    }
}

#[test]
fn single_quotes_when_clearly_quoting() {
    assert_eq!(
        quotes("The minister called it ‘a disgrace’ on Friday."),
        ["a disgrace"]
    );
    assert_eq!(quotes("He said 'we are ready' and left."), ["we are ready"]);
    // Nested quotes are part of the outer quote.
    assert_eq!(
        quotes("“They told me ‘run’ and I ran,” she said."),
        ["They told me ‘run’ and I ran,"]
    );
}

#[test]
fn unclosed_quote_runs_to_the_end() {
    assert_eq!(
        quotes("He said: “We will rebuild every home."),
        ["We will rebuild every home."]
    );
}

#[test]
fn closing_quote_continues_an_earlier_sentence() {
    let s = "And we will not stop until we do,” he said.";
    assert_eq!(quotes(s), ["And we will not stop until we do,"]);
    let a = source(s);
    assert_eq!((a.source.as_str(), a.anonymous), ("he", false));
}

// ----- attribution -----

#[test]
fn said_type_clauses() {
    for (s, src, verb) in [
        ("The mine will reopen, Peskov said.", "Peskov", "said"),
        ("The mine will reopen, said Peskov.", "Peskov", "said"),
        ("Peskov says the mine will reopen.", "Peskov", "says"),
        (
            "Peskov told reporters the mine will reopen.",
            "Peskov",
            "told",
        ),
        (
            "The operator told Reuters the mine will reopen.",
            "The operator",
            "told",
        ),
        (
            "The health board announced the mine will reopen.",
            "The health board",
            "announced",
        ),
        ("Brandt wrote that the mine will reopen.", "Brandt", "wrote"),
        (
            "Police confirmed the mine will reopen.",
            "Police",
            "confirmed",
        ),
        (
            "The mine will reopen, the ministry added.",
            "the ministry",
            "added",
        ),
        (
            "The Kremlin claimed the mine will reopen.",
            "The Kremlin",
            "claimed",
        ),
        ("Peskov denied the mine will reopen.", "Peskov", "denied"),
        (
            "The company stated the mine will reopen.",
            "The company",
            "stated",
        ),
        (
            "Brandt tweeted that the mine will reopen.",
            "Brandt",
            "tweeted",
        ),
        (
            "The Carrow Times reported that the mine will reopen.",
            "The Carrow Times",
            "reported",
        ),
    ] {
        let a = source(s);
        assert_eq!((a.source.as_str(), a.verb.as_str()), (src, verb), "{s}");
    }
}

#[test]
fn according_to_and_statement() {
    let a = source("The mine will reopen, according to the health board.");
    assert_eq!(
        (a.source.as_str(), a.verb.as_str(), a.anonymous),
        ("the health board", "according to", false)
    );
    let a = source("The ministry said in a statement that the mine will reopen.");
    assert_eq!(
        (a.source.as_str(), a.verb.as_str()),
        ("The ministry", "said")
    );
}

#[test]
fn peskov_is_a_named_source() {
    let a = source("Kremlin spokesman Dmitry Peskov said in a voicemail that the talks were over.");
    assert_eq!(a.source, "Kremlin spokesman Dmitry Peskov");
    assert_eq!(a.verb, "said");
    assert!(!a.anonymous);
}

#[test]
fn the_subject_of_a_reported_clause_is_not_its_speaker() {
    for (sentence, source) in [
        (
            "Two inspectors at the port office, who asked not to be named, said the crane had not been tested since 2018.",
            Some("Two inspectors at the port office"),
        ),
        (
            "The ferry will run again, said the harbour master.",
            Some("the harbour master"),
        ),
        (
            "The ferry will run again, said the harbour master on Monday.",
            Some("the harbour master"),
        ),
        (", said the crane would be replaced by spring.", None),
    ] {
        let facts = extract_facts(sentence);
        let found = facts.attribution.as_ref().map(|a| a.source.as_str());
        if source.is_none() {
            assert_ne!(found, Some("the crane"), "{sentence}");
        } else {
            assert_eq!(found, source, "{sentence}");
        }
    }
}

#[test]
fn speaker_after_a_quote() {
    let a = source("“We will rebuild every home,” Mayor Ilse Brandt said.");
    assert_eq!(
        (a.source.as_str(), a.anonymous),
        ("Mayor Ilse Brandt", false)
    );
    let a = source("“We will rebuild every home,” she said.");
    assert_eq!((a.source.as_str(), a.anonymous), ("she", false));
    let a = source("“We will rebuild,” said Mayor Ilse Brandt.");
    assert_eq!(a.source, "Mayor Ilse Brandt");
    // "said" inside the quote does not count.
    assert!(
        facts("“He said nothing,” was the reply.")
            .attribution
            .is_none()
    );
}

#[test]
fn unnamed_sources_who_spoke() {
    let a = source(
        "The plan was drafted in May, said a senior official who spoke on condition of anonymity.",
    );
    assert_eq!(
        (a.source.as_str(), a.anonymous),
        ("a senior official", true)
    );
    let a = source("Two officials who spoke to the BBC said the plan was ready.");
    assert_eq!((a.source.as_str(), a.anonymous), ("Two officials", true));
    let a =
        source("A senior official, who spoke on condition of anonymity, said the plan was ready.");
    assert_eq!(
        (a.source.as_str(), a.anonymous),
        ("A senior official", true)
    );
    let a = source("The plan was drafted by three engineers who spoke on condition of anonymity.");
    assert_eq!(
        (a.source.as_str(), a.verb.as_str(), a.anonymous),
        ("three engineers", "spoke", true)
    );
}

#[test]
fn reported_as_saying_names_the_speaker() {
    let a =
        source("\"We will build more,\" the Central News Agency reported Kim Dal-ho as saying.");
    assert_eq!(
        (a.source.as_str(), a.verb.as_str()),
        ("Kim Dal-ho", "reported as saying")
    );
}

#[test]
fn contractions_and_shouted_common_words_are_no_names() {
    for s in [
        "He’s not going to stop, the official said.",
        "Here's what we know about the plan.",
        "Let’s be clear about that.",
        "The leader has THIS goal in mind.",
    ] {
        assert!(names(s).is_empty(), "{s}: {:?}", names(s));
    }
    assert_eq!(names("NATO allies met in Brussels."), ["NATO", "Brussels"]);
    assert_eq!(names("Troops of the US met the WHO team."), ["US", "WHO"]);
    assert_eq!(names("Kim’s statement came on Thursday."), ["Kim"]);
}

#[test]
fn nouns_adjectives_and_cut_phrases_before_a_speech_verb_are_no_speaker() {
    for s in [
        "The group has faced occasional claims of racism.",
        "Couples whose home states do not recognise the marriages may lose benefits.",
        "The stance could provide added ammunition to critics.",
        "What it accomplished is hard to tell.",
        "Critics have described the chairman as gaffe-prone and said he raised too little.",
        "An aide phoned him twice but didn't tell him to quit.",
    ] {
        assert!(
            facts(s).attribution.is_none(),
            "{s}: {:?}",
            facts(s).attribution
        );
    }
    assert_eq!(
        source("He is expected to quit, according to multiple reports.").source,
        "multiple reports"
    );
    // An adverb or a negated auxiliary between the speaker and the verb is skipped.
    assert_eq!(
        source("Press Secretary Jay Carney wouldn’t say whether talks would resume.").source,
        "Press Secretary Jay Carney"
    );
    assert_eq!(
        source("Authorities haven't said whether the devices were real.").source,
        "Authorities"
    );
    assert_eq!(
        source("Some groups have directly announced their intentions.").source,
        "Some groups"
    );
    assert_eq!(
        source("Mr. Boehner facetiously said the plan was perfect.").source,
        "Mr. Boehner"
    );
    // The same words after a speaker still attribute.
    assert_eq!(
        source("Reuters reports that the talks failed.").source,
        "Reuters"
    );
    assert_eq!(
        source("The ministry claims the vote was fair.").source,
        "The ministry"
    );
    assert_eq!(
        source("The victim's family said he was innocent.").source,
        "The victim's family"
    );
}

#[test]
fn a_party_and_state_tag_is_not_the_speaker() {
    for (s, speaker) in [
        (
            "Rep. Ada Quill, R-N.Y., who opposes the plan, said Monday that it would fail.",
            "Rep. Ada Quill",
        ),
        (
            "Sen. Tom Vey, D-Calif., who leads the panel, said the vote was close.",
            "Sen. Tom Vey",
        ),
        (
            "Rep. Ada Quill, R-N.Y., said the plan would fail.",
            "Rep. Ada Quill",
        ),
        (
            "Rep. Ada Quill (R-Mo.) said the plan would fail.",
            "Rep. Ada Quill",
        ),
        (
            "Rep. Tom Vey (D-N.C.) said the vote was close.",
            "Rep. Tom Vey",
        ),
    ] {
        assert_eq!(source(s).source, speaker, "{s}");
        assert_eq!(names(s)[0], speaker, "{s}");
        assert_eq!(names(s).len(), 1, "{s}: {:?}", names(s));
    }
}

#[test]
fn citing_and_based_its_claim_on() {
    let a = source("The newspaper based its claim on two former Russian officials.");
    assert_eq!(a.source, "two former Russian officials");
    assert_eq!(a.verb, "based its claim on");
    assert!(a.anonymous);
    let a = source("The plan was ready, citing people familiar with the matter.");
    assert_eq!(
        (a.source.as_str(), a.verb.as_str(), a.anonymous),
        ("people familiar with the matter", "citing", true)
    );
}

#[test]
fn anonymous_people_but_named_institutions() {
    for (s, src, anonymous) in [
        ("Officials said the dam held.", "Officials", true),
        (
            "The dam held, a senior official said.",
            "a senior official",
            true,
        ),
        ("The dam held, sources said.", "sources", true),
        (
            "The dam held, according to a person familiar with the matter.",
            "a person familiar with the matter",
            true,
        ),
        (
            "The dam held, according to people close to Putin.",
            "people close to Putin",
            true,
        ),
        ("The dam held, diplomats said.", "diplomats", true),
        ("The dam held, two engineers said.", "two engineers", true),
        ("Residents said the dam held.", "Residents", true),
        ("The dam held, witnesses said.", "witnesses", true),
        ("The dam held, U.S. officials said.", "U.S. officials", true),
        ("The dam held, regulators said.", "regulators", true),
        ("The dam held, police said.", "police", false),
        ("The dam held, the ministry said.", "the ministry", false),
        (
            "The dam held, the government said.",
            "the government",
            false,
        ),
        ("The dam held, the Kremlin said.", "the Kremlin", false),
        ("The dam held, Reuters reported.", "Reuters", false),
        ("The dam held, they said.", "they", false),
        ("Mattis said the dam held.", "Mattis", false),
    ] {
        let a = source(s);
        assert_eq!((a.source.as_str(), a.anonymous), (src, anonymous), "{s}");
    }
}

#[test]
fn main_attribution_is_the_last_said_clause() {
    let a = source("Peskov told reporters that Putin said the talks were over.");
    assert_eq!(a.source, "Putin");
    let a = source("According to the ministry, the talks were over, according to Reuters.");
    assert_eq!(
        (a.source.as_str(), a.verb.as_str()),
        ("the ministry", "according to")
    );
    assert!(facts("The talks were over.").attribution.is_none());
    assert!(facts("His claims were false.").attribution.is_none());
}

// ----- names -----

#[test]
fn names_are_capitalised_runs() {
    let n = names("He met Vladimir Putin and Osama bin Laden near the U.S. border, ISIS said.");
    assert_eq!(n, ["Vladimir Putin", "Osama bin Laden", "U.S.", "ISIS"]);
    assert_eq!(
        names("It was reported by The New York Times."),
        ["New York Times"]
    );
    assert_eq!(names("The New York Times reported it."), ["New York Times"]);
    assert_eq!(
        names("He met Bashar al-Assad in the U.N. and the E.U."),
        ["Bashar al-Assad", "U.N.", "E.U."]
    );
    assert_eq!(names("Ukraine's army held."), ["Ukraine"]);
    assert_eq!(
        names("He met Mr. Putin and George W. Bush."),
        ["Mr. Putin", "George W. Bush"]
    );
    assert_eq!(
        names(
            "Prices rose, the Office for National Statistics and the Institute for the Study of War said."
        ),
        [
            "Office for National Statistics",
            "Institute for the Study of War"
        ]
    );
}

#[test]
fn sentence_initial_words() {
    assert_eq!(names("Mattis said he would go."), ["Mattis"]);
    assert!(names("The army said it would go.").is_empty());
    assert!(names("Officials said it would go.").is_empty());
    assert!(names("After the war, it would go.").is_empty());
    assert_eq!(names("But Kyiv said it would go."), ["Kyiv"]);
}

#[test]
fn weekdays_and_months_are_not_names() {
    let n = names("On Monday, Zelensky met Biden in September.");
    assert_eq!(n, ["Zelensky", "Biden"]);
}

#[test]
fn quote_initial_words_need_more_than_a_capital() {
    assert!(names("She said: “Rebuilding will take years.”").is_empty());
    assert!(names("She said: “We will rebuild.”").is_empty());
    assert_eq!(names("She said: “Putin lied.”"), ["Putin"]);
}

// ----- negation -----

#[test]
fn negation_words() {
    for s in [
        "The dam did not hold.",
        "The dam didn't hold.",
        "The dam didn’t hold.",
        "The dam never held.",
        "The dam no longer holds.",
        "Peskov denied it.",
        "Peskov refused to comment.",
        "Neither Kyiv nor Moscow commented.",
        "They left without water.",
        "The dam cannot hold.",
    ] {
        assert!(facts(s).negated, "{s}");
    }
    for s in [
        "The dam held.",
        "It was not only big but old.",
        "He ranks No. 2 in Europe.",
    ] {
        assert!(!facts(s).negated, "{s}");
    }
}

// ----- cited outlets -----

#[test]
fn known_outlets_are_canonical() {
    for (s, outlet) in [
        (
            "The New York Times reported that the mine closed.",
            "The New York Times",
        ),
        (
            "Peskov told the NYT that the mine closed.",
            "The New York Times",
        ),
        ("The mine closed, according to Reuters.", "Reuters"),
        (
            "The mine closed, citing The Wall Street Journal.",
            "The Wall Street Journal",
        ),
        ("The deal was first reported by Politico.", "Politico"),
        (
            "The mine closed, Russia's Interfax news agency reported.",
            "Interfax",
        ),
        (
            "The mine closed, according to Russian state news agency TASS.",
            "TASS",
        ),
        ("The mine closed, USA Today reported.", "USA Today"),
    ] {
        assert_eq!(facts(s).cited_outlets, [outlet], "{s}");
    }
}

#[test]
fn unknown_outlets_need_an_outlet_word() {
    assert_eq!(
        facts("The mine closed, the Carrow Times reported.").cited_outlets,
        ["Carrow Times"]
    );
    assert_eq!(
        facts("According to the Harbour Gazette, the mine closed.").cited_outlets,
        ["Harbour Gazette"]
    );
    assert!(
        facts("The mine closed, the newspaper reported.")
            .cited_outlets
            .is_empty()
    );
    assert!(
        facts("The mine closed, Peskov said.")
            .cited_outlets
            .is_empty()
    );
    for person in [
        "The talks failed, according to White House Press Secretary Robert Gibbs.",
        "The talks failed, Daily Show host Jon Stewart said.",
        "The talks failed, News Corp chairman Rupert Murdoch told reporters.",
    ] {
        assert!(
            facts(person).cited_outlets.is_empty(),
            "a person is not an outlet: {person}"
        );
    }
    assert_eq!(
        facts("The talks failed, the Times of Malta reported.").cited_outlets,
        ["Times of Malta"]
    );
}

#[test]
fn outlets_are_listed_once() {
    let f = facts(
        "Reuters reported, and the NYT said, citing Reuters, that the New York Times was wrong.",
    );
    assert_eq!(f.cited_outlets, ["Reuters", "The New York Times"]);
}

// ----- robustness -----

const TRICKY: &[&str] = &[
    "İstanbul'da ışık söndü; Şişli'de ğ harfi “yok” dedi Ayşe, 20 İşçi öldü.",
    "Москва заявила, что «20 процентов» территории — это $1.2m, сказал Песков.",
    "Ο Μητσοτάκης είπε «όχι» 3 φορές στις 5 Μαρτίου 🇬🇷👍🏽 and 🤷‍♀️ left.",
    "“Rebuilding ’90s homes will take 1,200 days,” Mayor Ilse Brandt said on Feb. 28, 2019 at 3 p.m.",
    "‘It’s rock 'n' roll’, U.S. officials said — about 20% of Ukraine’s 9/11 “fund”.",
    "e\u{301}te\u{301} 1,2,3 $ % 10:61 99/ 1.2.3 '' \"\" „ « » “ ” ‘ ’ No. No. 5",
];

#[test]
fn never_panics_on_any_cut_of_tricky_sentences() {
    for s in TRICKY {
        for (i, _) in s.char_indices().chain(std::iter::once((s.len(), ' '))) {
            for part in [&s[..i], &s[i..]] {
                let f = extract_facts(part);
                assert_spans_ok(part, &f);
            }
        }
    }
}

#[test]
fn never_panics_on_odd_inputs() {
    let long_digits = "9".repeat(400);
    let inputs = [
        "",
        " ",
        "$",
        "'",
        "\"",
        "’s",
        "-",
        "a.",
        "U.",
        "1e400",
        long_digits.as_str(),
        "0.000000000000000000001",
        "99:99 13 p.m. 0 a.m.",
        "May",
        "the fall of",
        "a third",
        "one in",
        "citing",
        "according to",
        "said",
        ", said",
        "who spoke",
        "based its claim on",
        "The New York Times reported",
    ];
    for s in inputs {
        let f = extract_facts(s);
        assert_spans_ok(s, &f);
    }
}

/// Realistic news sentences for the timing test.
const NEWS: &[&str] = &[
    "Russia now controls about 20 percent of Ukraine's territory, Kremlin spokesman Dmitry Peskov said on Friday.",
    "The Wall Street Journal reported on Thursday, citing U.S. officials, that 1,200 troops would leave by March 1.",
    "In a statement, the ministry said 40 ships had been damaged since the war began in February 2022.",
    "“We will not surrender,” President Volodymyr Zelensky said in a video address late on Sunday.",
    "Nine trapped miners were rescued after 14 days underground, the regional governor told reporters.",
    "The storm killed at least 12 people and left more than 300,000 homes without power, officials said.",
    "Prices rose 3.2% in the year to March, the Office for National Statistics said.",
    "The company, which employs 5,000 people, said it would cut a quarter of its workforce.",
    "Two former Russian officials told the newspaper that Putin had approved the plan in 2021.",
    "The attack came at around 4:30 a.m. local time, according to the Ukrainian air force.",
    "The deal, first reported by Axios, would give Kyiv $61bn in military aid.",
    "Protesters gathered outside the parliament building in Tbilisi as the vote was delayed again.",
];

/// MB/s of `extract_facts` over `sentences`: (best, median) of 20 batches, so that other
/// load on the machine does not decide the figure.
fn measure(sentences: &[&str]) -> (f64, f64) {
    let bytes: usize = sentences.iter().map(|s| s.len()).sum::<usize>() * 200;
    let mut rates: Vec<f64> = (0..20)
        .map(|_| {
            let started = std::time::Instant::now();
            let mut sink = 0usize;
            for _ in 0..200 {
                for s in sentences {
                    let f = extract_facts(std::hint::black_box(s));
                    sink += f.numbers.len() + f.times.len() + f.names.len();
                }
            }
            std::hint::black_box(sink);
            bytes as f64 / started.elapsed().as_secs_f64() / 1e6
        })
        .collect();
    rates.sort_by(f64::total_cmp);
    (rates[rates.len() - 1], rates[rates.len() / 2])
}

#[test]
#[ignore = "ad-hoc timing; run with --ignored --release"]
fn throughput() {
    let (best, median) = measure(NEWS);
    println!("English news sentences: best {best:.1} MB/s, median {median:.1} MB/s");
    let (best, median) = measure(TRICKY);
    println!("multilingual/tricky sentences: best {best:.1} MB/s, median {median:.1} MB/s");
}

#[test]
fn source_readings_tell_speakers_from_media_references_and_stray_words() {
    use super::{SourceReading, source_reading};
    for speaker in [
        "Mayor Ilse Brandt",
        "officials",
        "two former Russian officials",
        "the Kessling Courier",
        "police",
        "authority",
        "the Kremlin spokesman",
        "critics",
        "Reuters",
        "a spokesman for the agency",
        "intelligence officials",
        "fire officials",
        "rescue workers",
    ] {
        assert_eq!(source_reading(speaker), SourceReading::Speaker, "{speaker}");
    }
    for medium in [
        "state media",
        "its official media",
        "the state news agency",
        "a video message",
    ] {
        assert_eq!(source_reading(medium), SourceReading::Medium, "{medium}");
    }
    // Capitals after the head noun's preposition name no one.
    assert_eq!(
        source_reading("the two most important takeaways from Kim's remarks"),
        SourceReading::Unclear
    );
    for reference in [
        "the lawmaker",
        "The lawmaker",
        "the congressman",
        "the president",
        "the press secretary",
    ] {
        assert_eq!(
            source_reading(reference),
            SourceReading::Reference,
            "{reference}"
        );
    }
    for stray in [
        "other woes and",
        "nuclear",
        "suddenly",
        "annual New Year's Eve party at his estate in Palm Beach",
        "join fellow European Union member",
        "North Korea and",
        "",
    ] {
        assert_eq!(source_reading(stray), SourceReading::Unclear, "{stray:?}");
    }
}
