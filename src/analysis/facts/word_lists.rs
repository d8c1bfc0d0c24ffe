//! Closed word lists the extractor consults (function words, verbs, common sentence starters).

/// Function words: determiners, prepositions, pronouns, conjunctions, auxiliaries, adverbs.
#[rustfmt::skip]
pub(super) fn is_function(k: &str) -> bool {
    matches!(
        k,
        "a" | "an"
            | "the" | "this" | "that" | "these" | "those" | "his" | "her" | "its" | "their" | "our"
            | "my" | "your" | "some" | "any" | "each" | "every" | "no" | "all" | "both" | "either"
            | "neither" | "such" | "many" | "much" | "more" | "most" | "few" | "fewer" | "less"
            | "least" | "several" | "another" | "other" | "own" | "of" | "in" | "on" | "at" | "by"
            | "for" | "from" | "with" | "to" | "into" | "onto" | "over" | "under" | "about"
            | "after" | "before" | "since" | "until" | "till" | "during" | "through" | "throughout"
            | "across" | "against" | "between" | "among" | "amid" | "amongst" | "near" | "around"
            | "within" | "without" | "via" | "per" | "toward" | "towards" | "upon" | "behind"
            | "beyond" | "despite" | "like" | "unlike" | "except" | "below" | "above" | "along"
            | "outside" | "inside" | "off" | "out" | "up" | "down" | "than" | "he" | "she" | "it"
            | "they" | "we" | "i" | "you" | "him" | "them" | "us" | "me" | "who" | "whom" | "whose"
            | "which" | "what" | "someone" | "anyone" | "everyone" | "nobody" | "somebody"
            | "everybody" | "something" | "anything" | "everything" | "nothing" | "none" | "himself"
            | "herself" | "itself" | "themselves" | "and" | "or" | "but" | "nor" | "so" | "yet"
            | "if" | "because" | "while" | "when" | "where" | "whereas" | "although" | "though"
            | "as" | "whether" | "unless" | "once" | "then" | "how" | "why" | "is" | "are" | "was"
            | "were" | "be" | "been" | "being" | "am" | "has" | "have" | "had" | "having" | "do"
            | "does" | "did" | "will" | "would" | "shall" | "should" | "can" | "could" | "may"
            | "might" | "must" | "not" | "also" | "still" | "just" | "only" | "even" | "now"
            | "there" | "here" | "very" | "too" | "already" | "again" | "ever" | "never" | "soon"
            | "however" | "meanwhile" | "reportedly" | "allegedly" | "apparently" | "according"
            | "ago" | "it's" | "there's" | "that's"
    )
}

/// Common verbs that end a noun phrase.
#[rustfmt::skip]
pub(super) fn is_verb(k: &str) -> bool {
    matches!(
        k,
        "die" | "dies" | "died" | "fled" | "flee" | "remain" | "remains" | "remained" | "went"
        | "go" | "goes" | "gone" | "fell" | "rose" | "left" | "came" | "come" | "comes" | "got"
        | "get" | "gets" | "made" | "make" | "makes" | "took" | "take" | "takes" | "lost" | "lose"
        | "gave" | "give" | "saw" | "see" | "sees" | "met" | "meet" | "held" | "hold" | "holds"
        | "kept" | "keep" | "ran" | "run" | "runs" | "won" | "win" | "became" | "become" | "seem"
        | "seems" | "seemed" | "live" | "lives" | "work" | "works" | "need" | "needs" | "want"
        | "wants" | "include" | "includes" | "spoke" | "speak" | "speaks" | "speaking" | "began"
        | "begin" | "begins" | "knew" | "know" | "think" | "thought" | "found" | "find" | "killed"
        | "kill" | "kills" | "hit" | "put" | "set" | "sent" | "send" | "built" | "bought" | "sold"
        | "paid" | "stood" | "fought" | "led" | "brought" | "believe" | "believes" | "expect"
        | "expects" | "hope" | "hopes" | "face" | "faces" | "show" | "shows" | "shown" | "called"
        | "call" | "calls" | "asked" | "ask" | "asks" | "declined" | "agreed" | "agree" | "agrees"
        | "continue" | "continues" | "appear" | "appears" | "suggest" | "suggests" | "mean"
        | "means" | "help" | "helps" | "try" | "tries" | "tried" | "seek" | "seeks" | "sought"
        | "let" | "allow" | "allows" | "wait" | "waited" | "stay" | "stayed" | "arrive" | "arrived"
        | "fear" | "feared" | "feel" | "felt" | "hear" | "heard" | "use" | "used" | "uses" | "reach"
        | "reached" | "return" | "returned" | "struck" | "hurt" | "cut" | "spent" | "grew" | "grow"
        | "grows" | "rise" | "rises" | "fall" | "falls" | "drop" | "drops" | "dropped" | "voted"
        | "vote" | "votes" | "plan" | "plans" | "planned" | "cost" | "costs" | "earn" | "earns"
        | "earned" | "owe" | "owes" | "owed"
    )
}

/// Words that open sentences without being names ("The", "Officials", "According").
#[rustfmt::skip]
pub(super) fn is_common_starter(k: &str) -> bool {
    is_function(k)
        || is_verb(k)
        || is_speech_verb(k)
        || matches!(
            k,
            "according" | "prices" | "shares" | "stocks" | "markets" | "sales" | "exports"
            | "imports" | "talks" | "negotiations" | "reports" | "results" | "figures" | "rates"
            | "officials" | "official" | "authorities" | "police" | "residents"
            | "witnesses" | "sources" | "critics" | "experts" | "analysts" | "investigators"
            | "prosecutors" | "officers" | "troops" | "soldiers" | "people" | "protesters"
            | "demonstrators" | "rescuers" | "firefighters" | "doctors" | "scientists"
            | "researchers" | "lawmakers" | "leaders" | "citizens" | "voters" | "families"
            | "workers" | "miners" | "engineers" | "diplomats" | "lawyers" | "parents" | "children"
            | "students" | "teachers" | "members" | "supporters" | "opponents" | "attackers"
            | "gunmen" | "militants" | "fighters" | "rebels" | "forces" | "despite" | "earlier"
            | "later" | "last" | "next" | "first" | "yesterday" | "today" | "tomorrow" | "tonight"
            | "speaking" | "asked" | "citing" | "following" | "including" | "given" | "responding"
            | "writing" | "noting" | "adding" | "separately" | "overall" | "finally" | "recently"
            | "currently" | "previously" | "initially" | "ultimately" | "instead" | "indeed"
            | "moreover" | "furthermore" | "additionally" | "nevertheless" | "nonetheless" | "thus"
            | "therefore" | "hence" | "perhaps" | "maybe" | "yes" | "please" | "thanks" | "local"
            | "national" | "federal" | "new" | "old" | "former" | "senior" | "top" | "chief"
            | "government" | "nearly" | "almost" | "roughly" | "approximately" | "dozens"
            | "hundreds" | "thousands" | "millions" | "half" | "several" | "unlike" | "amid"
            | "among" | "under" | "over" | "within" | "one" | "none" | "everyone" | "nobody"
            | "somebody" | "still" | "yet" | "also" | "then" | "now" | "here" | "there" | "why"
            | "how" | "what" | "where" | "when" | "while" | "whether" | "once" | "both" | "either"
            | "neither" | "each" | "every" | "other" | "another" | "such" | "many" | "most" | "few"
            | "more" | "less" | "some" | "any" | "all" | "no" | "not" | "only" | "even" | "just"
            | "breaking" | "update" | "updated" | "read" | "watch" | "photo" | "video" | "editor's"
            | "note" | "meanwhile" | "however" | "although" | "though" | "because" | "since"
            | "after" | "before" | "during" | "until" | "unless" | "if"
        )
}

pub(super) fn small_word(k: &str) -> Option<u32> {
    let v = match k {
        "zero" => 0,
        "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        _ => {
            return tens_word(k).or_else(|| {
                let (tens, unit) = k.split_once('-')?;
                let unit = small_word(unit).filter(|u| (1..=9).contains(u))?;
                Some(tens_word(tens)? + unit)
            });
        }
    };
    Some(v)
}

pub(super) fn ordinal_word(k: &str) -> Option<u32> {
    Some(match k {
        "first" => 1,
        "second" => 2,
        "third" => 3,
        "fourth" => 4,
        "fifth" => 5,
        "sixth" => 6,
        "seventh" => 7,
        "eighth" => 8,
        "ninth" => 9,
        "tenth" => 10,
        "eleventh" => 11,
        "twelfth" => 12,
        "thirteenth" => 13,
        "fourteenth" => 14,
        "fifteenth" => 15,
        "sixteenth" => 16,
        "seventeenth" => 17,
        "eighteenth" => 18,
        "nineteenth" => 19,
        "twentieth" => 20,
        "thirtieth" => 30,
        "fortieth" => 40,
        "fiftieth" => 50,
        "hundredth" => 100,
        _ => return None,
    })
}

/// Words that look plural ("miners", "people"): the usual head of what a number counts.
#[rustfmt::skip]
pub(super) fn plural_like(k: &str) -> bool {
    matches!(
        k,
        "people" | "men" | "women" | "children" | "police" | "staff" | "personnel" | "feet"
        | "teeth" | "mice" | "geese" | "cattle" | "livestock" | "crew" | "data" | "clergy"
    ) || (k.len() > 3
        && k.ends_with('s')
        && !k.ends_with("ss")
        && !k.ends_with("us")
        && !k.ends_with("is")
        && !k.ends_with('\''))
}

pub(super) fn is_currency_symbol(t: &str) -> bool {
    matches!(t, "$" | "£" | "€" | "¥" | "₹" | "₽" | "₴" | "₺" | "₩")
}

#[rustfmt::skip]
pub(super) fn is_currency_word(k: &str) -> bool {
    matches!(
        k,
        "dollar" | "dollars" | "euro" | "euros" | "yen" | "yuan" | "renminbi" | "ruble" | "rubles"
        | "rouble" | "roubles" | "rupee" | "rupees" | "franc" | "francs" | "peso" | "pesos"
        | "hryvnia" | "hryvnias" | "lira" | "liras" | "usd" | "eur" | "gbp"
    )
}

#[rustfmt::skip]
pub(super) fn is_hedge_word(k: &str) -> bool {
    matches!(
        k,
        "about" | "around" | "roughly" | "nearly" | "almost" | "some" | "over" | "approximately"
        | "approx" | "estimated" | "circa" | "ca" | "under" | "below" | "above"
    )
}

pub(super) fn scale_word(k: &str) -> Option<f64> {
    Some(match k {
        "hundred" => 1e2,
        "thousand" => 1e3,
        "million" | "mn" | "mln" => 1e6,
        "billion" | "bn" | "bln" => 1e9,
        "trillion" | "tn" | "trn" => 1e12,
        _ => return None,
    })
}

pub(super) fn is_past_form(k: &str) -> bool {
    k.len() > 4 && k.ends_with("ed") && !k.ends_with("eed") && k != "hundred"
}

#[rustfmt::skip]
pub(super) fn is_speech_verb(k: &str) -> bool {
    matches!(
        k,
        "said" | "says" | "say" | "told" | "tells" | "tell" | "reported" | "reports" | "announced"
        | "announces" | "wrote" | "writes" | "confirmed" | "confirms" | "added" | "adds" | "claimed"
        | "claims" | "denied" | "denies" | "stated" | "states" | "tweeted" | "tweets" | "posted"
        | "noted" | "notes" | "warned" | "warns" | "insisted" | "insists" | "explained" | "explains"
        | "acknowledged" | "acknowledges" | "admitted" | "admits" | "alleged" | "alleges"
        | "asserted" | "declared" | "declares" | "argued" | "argues" | "revealed" | "testified"
        | "disclosed" | "replied"
    )
}

#[rustfmt::skip]
pub(super) fn is_ed_adjective(k: &str) -> bool {
    matches!(
        k,
        "retired" | "unnamed" | "unidentified" | "armed" | "elected" | "detained" | "displaced"
        | "trapped" | "informed" | "concerned" | "affected" | "injured" | "wounded" | "jailed"
        | "exiled" | "released" | "fired" | "ousted" | "qualified" | "licensed" | "united"
        | "embattled" | "besieged" | "assembled" | "appointed" | "sanctioned"
    )
}

/// Determiners that may open a source noun phrase.
#[rustfmt::skip]
pub(super) fn is_np_det(k: &str) -> bool {
    matches!(
        k,
        "the" | "a" | "an" | "his" | "her" | "its" | "their" | "our" | "my" | "your" | "some"
        | "many" | "several" | "both" | "all" | "other" | "another" | "these" | "those" | "most"
        | "few" | "each" | "every" | "no" | "any"
    )
}

/// Words that may stand between a speaker and the verb: "Peskov also said".
#[rustfmt::skip]
pub(super) fn is_attr_adverb(k: &str) -> bool {
    matches!(
        k,
        "also" | "later" | "earlier" | "previously" | "again" | "repeatedly" | "separately"
        | "initially" | "first" | "then" | "has" | "have" | "had" | "would" | "will" | "publicly"
        | "privately" | "officially" | "recently" | "originally" | "subsequently" | "once"
        | "already" | "reportedly" | "further" | "just" | "last"
    )
}

/// A single capital letter (an initial) or an abbreviated title ("Mr", "Gen").
pub(super) fn is_initial_or_title(text: &str) -> bool {
    let mut chars = text.chars();
    if let (Some(c), None) = (chars.next(), chars.next())
        && c.is_uppercase()
    {
        return true;
    }
    [
        "Mr", "Mrs", "Ms", "Mx", "Dr", "Gen", "Sen", "Rep", "Gov", "Lt", "Col", "Capt", "Sgt",
        "Prof", "St", "Maj", "Adm", "Cpl", "Rev", "Hon", "Pres", "Sr", "Jr", "Mt", "Ft", "Brig",
        "Cmdr",
    ]
    .contains(&text)
}

#[rustfmt::skip]
pub(super) fn is_time_prep(k: &str) -> bool {
    matches!(
        k,
        "since" | "on" | "in" | "until" | "till" | "by" | "from" | "before" | "after" | "during"
        | "through" | "throughout" | "at"
    )
}

pub(super) fn tens_word(k: &str) -> Option<u32> {
    Some(match k {
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        _ => return None,
    })
}
