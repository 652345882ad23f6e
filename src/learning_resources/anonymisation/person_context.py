"""The words around a word that show it is a person's name (used by names.py).

A name that is also an ordinary word ("Faith", "Rowan", "Autumn", "Summer Grant") is told
apart from the word by what is said of it: a person speaks, lives somewhere, is seen, has a
mother or a school, is aged 4, is someone's daughter, is asked or visited. Once one such use
shows that a word names a person in a document, every use of it there is the name.

Every pattern here matches at a given offset (`pattern.match(text, end)` just after the word,
or `pattern.search(text, start - 60, start)` just before it), so the detector stays linear.
"""

from __future__ import annotations

import re

from .allowed import word_list
from .blocks import Words, cased

SPEECH_VERBS = (
    "said|says|told|tells|disclosed|discloses|reported|explained|stated|asked|asks|replied|"
    "admitted|denied|alleged|shouted|screamed|cried|agreed|refused|wrote|texted|messaged|"
    "confided|whispered|insisted"
)
# People a person has ("Faith's mother") and things only a person has ("Autumn's attendance").
KIN = (
    "mother|father|mum|dad|mummy|daddy|brother|sister|siblings?|grandmother|grandfather|nan|"
    "nana|grandma|grandad|aunt|auntie|uncle|cousin|stepfather|stepmother|son|daughter|baby|"
    "boyfriend|girlfriend|partner|husband|wife|teacher|carer|friend|friends|birthday|bedroom"
)
_OWNED = (
    rf"{KIN}|school|nursery|class|attendance|behaviour|health|weight|needs|views|wishes|"
    "feelings|voice|life|lives|care|plan|case|records?|file|injur(?:y|ies)|bruis(?:e|es|ing)|"
    "phone|mobile|account|room|home|house|flat|bed|cot|social|key|named|pupil|development|"
    "speech|words|diary|experience|daily|own|first|older|younger|eldest|youngest|death|body|"
    "head|arm|arms|leg|legs|face|ear|ears|eye|eyes|back|hand|hands|skin|hair|teeth|condition|"
    "disability|diagnosis|medication|appointments?|GP|worker|perspective|story|safety|welfare|"
    "wellbeing|presentation|movements|whereabouts|clothes|parents|carers|family|household"
)
# Round 7: an age in words is an age: "Bear, aged nine", "Jago, now eleven,".
_AGE_NUMBER = (
    r"(?:\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
    r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty)\b)"
)
_AGE = (
    rf"[ \t]*,?[ \t]*\(?(?:aged|age)[ \t]+{_AGE_NUMBER}|[ \t]+\(\d{{1,2}}\)"
    rf"|,[ \t]+(?!one\b){_AGE_NUMBER}\d?,"  # "Moss, 12," and (round 7) "Moss, nine,"
    rf"|,[ \t]+(?:now|then)[ \t]+(?:aged[ \t]+)?(?:\d{{1,2}}\b|{_AGE_NUMBER})"  # "Hope, now 19,"
    r"|[ \t]*\|[ \t]*\d{1,2}[ \t]*\|"  # a table's row: "| Blaze | 12 | Year 7 |"
    r"|[ \t]+\((?:Year|Yr|Y)[ \t]*\d{1,2}\)|[ \t]+\(Reception\)"  # "Ruby (Year 3)"
)
_NUMBER = (
    r"(?:\d{1,2}(?![\d.%,]|[ \t]*(?:%|per|times|hours|minutes))|one|two|three|four|five|six|"
    r"seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen)\b"
)
_WAS_AGE = (
    rf"[ \t]+(?:was|is|turned|had[ \t]+just[ \t]+turned)[ \t]+{_NUMBER}(?![ \t]+(?:of|in|out))"
)
_WHO = r",?[ \t]+who(?:se|m)?[ \t]"
# "Harmony and her brother", "Precious, the eldest,"
_WITH_KIN = (
    r"[ \t]+(?:and|nor|or)[ \t]+(?:her|his|their)[ \t]+"
    r"(?:(?:older|younger|little|big|baby|twin|half-)[ \t]*)?"
    r"(?:mother|father|mum|dad|brothers?|sisters?|"
    r"siblings?|twin|cousins?|friends?|boyfriend|girlfriend|partner|baby|son|daughter)\b"
    r"|,[ \t]+(?:the|her|his|their)[ \t]+(?:eldest|oldest|youngest|middle|older|younger|twin)\b"
)
# "Hope was the middle of three children", "Sky is the only girl"
_PLACE_IN_FAMILY = (
    r"[ \t]+(?:was|is)[ \t]+(?:the|their|her|his)[ \t]+(?:(?:eldest|oldest|youngest|middle|elder|"
    r"younger)\b|only[ \t]+(?:child|daughter|son|girl|boy)\b)"
)

_CASE = r"(?:Child|Baby|Young[ \t]+Person|Sibling|Adult|Infant)[ \t]+(?:[A-Z]{1,2}|\d{1,2})\b"
# Who the word is, said in apposition: "Ama, Child X's mother, told", "Rose, the children's
# aunt,", "Tibi, as the family call Child GG,", "Mason, as Child T was known,".
_KNOWN_AS = (
    r",[ \t]+as[ \t]+[^.,;\n]{0,40}?\b(?:known|call|calls|called|named|nicknamed)\b"
    r"(?![ \t]+(?:it|this|that|these|those)\b)"
)
_WHO_IT_IS = (
    rf",[ \t]+(?:(?:the|her|his|their)[ \t]+)?(?:{_CASE}|[a-z]+)['’]s?[ \t]+"
    r"(?:(?:older|younger|eldest|oldest|youngest|big|little|half-|step|maternal|paternal|"
    rf"great-?)[ \t]*)*(?:{KIN}|aunty|nanny|granny|grandparents?|stepdad|stepmum|carer)\b"
    r"(?=[ \t]*[,;)—–]|[ \t]+-)|" + _KNOWN_AS
)
# ... the last, for any word, even one the lists hold as an ordinary word ("Tibi, as the
# family call Child GG, was"): the word is then a name (not "Later, Child A's mother, who").
KNOWN_AS_AFTER = re.compile(_KNOWN_AS, re.IGNORECASE)
# ... or what the person is: "Storm, a boy in the same class, was", "Mason, a 16-year-old
# boy,", "Faith, a family friend".
_PERSON_NOUNS = (
    r"(?:boy|girl|man|woman|lad|teenager|toddler|baby|pupil|student|classmate|friend|"
    r"neighbour|relative|lodger|volunteer|resident|youth|adult|male|female|mum|dad|mother|"
    r"father|parent|carer|grandmother|grandfather|aunt|uncle|cousin|sister|brother)"
)
_A_PERSON = (
    r",[ \t]+(?:a|an|the|her|his|their|one|another)[ \t]+(?:[\w'’-]+[ \t]+){0,3}?"
    rf"{_PERSON_NOUNS}s?\b(?!['’])"
)
# Round 8: ... or the job a person does, with or without an article: "Ben Tregenza, youth
# worker at the Anchor Project", "Rhona, the school nurse,".
_A_JOB = (
    r",[ \t]+(?:(?:a|an|the|our|their)[ \t]+)?(?:[a-z]+[ \t]+){0,2}?(?:worker|officer|visitor|"
    r"nurse|sergeant|constable|teacher|manager|coordinator|practitioner|midwife|paediatrician|"
    r"headteacher|inspector|detective|childminder|receptionist|caretaker|mentor|coach)\b"
    r"(?![ \t]*['’])"
)
# "Ash was a creative, funny young man", "Jade is a bright girl".
_IS_A_PERSON = (
    # round 7: ... or claimed or turned out to be one: "Kai claimed to be a 15-year-old boy"
    r"[ \t]+(?:was|is|(?:claimed|claiming|pretended|pretending|turned[ \t]+out|seemed|"
    r"appeared|said)[ \t]+to[ \t]+be)[ \t]+(?:a|an)[ \t]+(?:[\w-]+,?[ \t]+){0,3}?(?:young[ \t]+)?"
    r"(?:man|woman|boy|girl|lad|child|baby|toddler|teenager|person|mother|father|adult|"
    r"grandmother|grandfather|pupil|student)\b(?!['’-])"
    r"(?![ \t]+(?:protection|abuse|care|development|exploitation|sexual|safeguarding|welfare|"
    r"health|death|practice|issue|concern|focus|centred|friendly|voice|rights?)\b)"
)

# Round 7: what a person says, after a word of when or how: "Blessing later said", "when
# Ocean finally told".
_SAYS = (
    r"[ \t]+(?:(?:later|then|also|first|once|still|again|eventually|finally|afterwards|"
    rf"subsequently|repeatedly|consistently|initially|never|always)[ \t]+)?(?:{SPEECH_VERBS})\b"
)
# Sure wherever the word stands: "Rose said", "Faith's mother", "Rose, aged 4", "Summer, who".
SURE_AFTER = re.compile(
    rf"(?:['’]s[ \t]+(?:{_OWNED})\b|{_AGE}|{_WAS_AGE}|{_PLACE_IN_FAMILY}|{_WITH_KIN}"
    rf"|{_SAYS}|{_WHO}|{_WHO_IT_IS}|{_IS_A_PERSON}|{_A_PERSON}|{_A_JOB})",
    re.IGNORECASE,
)
# For a word in no list ("Okonjo"): only what is said of people.
PERSON_AFTER = re.compile(
    rf"(?:['’]s[ \t]+(?:{KIN})\b|{_AGE}|{_SAYS}|,[ \t]+who[ \t]"
    rf"|{_WHO_IT_IS}|{_IS_A_PERSON}|{_A_PERSON})",
    re.IGNORECASE,
)
# For a place ("Kenya's mother"), not what a body does ("NHS England said").
KIN_OR_AGE_AFTER = re.compile(rf"['’]s[ \t]+(?:{KIN})\b|{_AGE}", re.IGNORECASE)

# What people do. Mid-sentence, a capitalised ordinary word followed by one of these is a
# person ("staff noticed that Grace was often hungry", "a bruise on Jack's ear").
ACTION_VERBS = (
    "was|is|has|had|lived|lives|experienced|attended|attends|missed|went|goes|came|comes|"
    "stayed|stays|moved|ran|left|returned|became|felt|feels|seemed|appeared|wanted|wants|"
    "needed|needs|started|stopped|began|spent|spoke|speaks|showed|shows|presented|continued|"
    "struggled|sat|sits|slept|ate|cried|played|plays|would|could|did|does|witnessed|saw|"
    "heard|knew|loved|loves|liked|likes|enjoyed|enjoys|arrived|arriving|got|gets|tried|"
    "tries|hid|hides|walked|woke|joined|refused|disclosed|told|said|says|asked|ran|laughed|"
    "smiled|hugged|sobbed|wept|sang|danced|drew|smoked|drank|vaped|self-harmed|absconded|"
    "truanted|texted|phoned|rang|talked|chatted|hated|feared"
)
# Round 6: what one person does to another, and an adverb before the verb ("X often gave").
_HARM_VERBS = (
    "hit|hits|punched|kicked|slapped|pushed|grabbed|threatened|hurt|touched|groomed|raped|"
    "assaulted|attacked|stabbed|bullied|drove|bought|sold|supplied|gave|took|picked|collected|"
    "babysat|minded|fed|bathed|shouted|swore|scared|frightened|followed|messaged|filmed|"
    "didn['’]t|wasn['’]t|hadn['’]t|couldn['’]t|wouldn['’]t|won['’]t|doesn['’]t|isn['’]t"
)
ACTION_AFTER = re.compile(
    r"(?:['’]s[ \t]+[a-z]|[ \t]+(?:(?:often|usually|sometimes|always|never|later|then|also|"
    rf"still|once|regularly)[ \t]+)?(?:{ACTION_VERBS}|{SPEECH_VERBS}|{_HARM_VERBS})\b)"
)
# At the start of a sentence, only what a person (not hope, faith or a season) does.
_PASSIVE = (
    "seen|born|taken|admitted|excluded|found|referred|placed|known|reported|stopped|"
    "arrested|interviewed|discharged|living|staying|subject|open|removed|moved|collected|"
    "stabbed|attacked|raped|trafficked|cautioned|charged|convicted|sentenced|adopted|"
    "fostered|kidnapped|robbed|murdered|killed|"
    "brought|examined|assessed|diagnosed|bullied|groomed|exploited|assaulted|injured|"
    "hungry|scared|frightened|upset|absent|missing|pregnant|unwell|alone|described|"
    "registered|looked|cared|supported|allocated|also|left|kept|locked|sent|hurt|harmed|"
    "abused|punished|smacked|beaten|shaken|bitten|burned|burnt|bruised|neglected|isolated|"
    "exposed|withdrawn|quiet|tired|sad|angry|aggressive|violent|dirty|unkempt|late|anxious|"
    "worried|distressed|crying|asleep|awake|frightened|shy|small|thin|underweight|overweight|"
    "tearful|subdued|clingy|naughty"
)
_OFTEN = (
    r"(?:often|usually|always|rarely|sometimes|frequently|regularly|also|then|later|first|"
    r"still|never|not)"
)
INITIAL_AFTER = re.compile(
    rf"['’]s[ \t]+(?:{_OWNED})\b|{_AGE}|{_WAS_AGE}|{_PLACE_IN_FAMILY}|{_WITH_KIN}"
    rf"|{_SAYS}|{_WHO}|{_WHO_IT_IS}|{_IS_A_PERSON}|{_A_PERSON}|{_A_JOB}"
    rf"|[ \t]+(?:{_OFTEN}[ \t]+)?(?:lived|lives|attended|attends|disclosed|discloses|witnessed|"
    r"moved|went|ran|stopped|began|"
    r"stayed|stays|returned|started|joined|missed|spent|wanted|wants|cried|loved|loves|"
    r"likes|liked|enjoyed|enjoys|played|plays|arrived|walked|woke|hid|slept|told|tells|"
    r"felt|feels|laughed|smiled|hugged|sobbed|wept|sang|danced|drew|ate|smoked|drank|vaped|"
    r"self-harmed|absconded|truanted|texted|phoned|rang|talked|chatted|hated|feared|"
    r"thought|knew|grew|gave[ \t]+birth|became[ \t]+pregnant|went[ \t]+missing|ran[ \t]+away|"
    r"needed|kept|cared|spoke|hides|couldn['’]t|wouldn['’]t|didn['’]t|doesn['’]t|"
    r"has[ \t]+(?:autism|ADHD|asthma|epilepsy|diabetes|cerebral[ \t]+palsy|an[ \t]+EHCP|"
    r"(?:a[ \t]+)?(?:learning|physical)[ \t]+disabilit(?:y|ies)|special[ \t]+educational)|"
    rf"(?:was|is|had[ \t]+been|has[ \t]+been|were)[ \t]+(?:{_OFTEN}[ \t]+)?(?:{_PASSIVE})\b"
    r"|(?:had|has|would|could|did|does)(?:[ \t]+(?:not|never|often|always|also|already))?"
    r"[ \t]+(?:missed|attended|lived|disclosed|told|said|gone|went|stayed|moved|started|"
    r"stopped|returned|run|left|lost|gained|cried|slept|eaten|refused|asked|wanted|tried|"
    r"want|go|eat|sleep|hide|talk|speak|read|write|cry|play|attend|come|leave|stay|tell|"
    r"say|ask|miss|hurt|smoke|drink|keep|care|need|like|love|hate|feel|know|think|"
    r"seemed|appeared|felt|witnessed|seen|heard|been[ \t]+(?:seen|missing|excluded|"
    r"absent|admitted|referred|taken|known|placed|living|staying)))\b"
    # round 8: what a person does to someone: "Kai makes me stay up", "Rio slapped him"
    r"|[ \t]+(?!(?:is|was|has|does|needs|means|gives|helps|shows|makes[ \t]+us)\b)"
    r"[a-z]{2,}(?:s|ed)[ \t]+(?:me|him|us|them)\b"
    # two names at the start of a sentence: "Jade and Amber were twins"
    r"|[ \t]+(?:and|&)[ \t]+[A-Z][a-z]+[ \t]+(?:were|are)[ \t]+(?:twins|sisters|brothers|"
    r"siblings|half-siblings|cousins|best[ \t]+friends|both|aged|\d)"
)

# Who a person is to someone: "her daughter Faith", "Mother's partner, Mark", "baby Ivy".
RELATION_BEFORE = re.compile(
    r"\b(?:son|daughter|brother|sister|half-brother|half-sister|stepbrother|stepsister|"
    r"stepson|stepdaughter|baby|twin|sibling|cousin|niece|nephew|grandson|granddaughter|"
    r"boyfriend|girlfriend|partner|husband|wife|friend|mother|father|mum|dad|aunt|uncle|"
    r"nan|grandmother|grandfather|twins|eldest|youngest|oldest|middle[ \t]+child|siblings|"
    r"brothers|sisters|sons|daughters|cousins|grandchildren|"
    # round 6: who else a person has, without commas: "her neighbour Sparrow", "his mate Brick"
    r"neighbour|lodger|babysitter|classmate|flatmate|housemate|mate|pal|bestie|ex|"
    # round 8: "his coach Ray Lintott", "his old associate 'Spider'"
    r"coach|tutor|mentor|childminder|acquaintance|associate|"
    r"named|called|nicknamed|christened|known[ \t]+as|"
    r"referred[ \t]+to[ \t]+as)"
    r"(?:[ \t]+(?:\d|[A-Z]\b))?,?[ \t]+['‘\"“]?$",
    re.IGNORECASE,
)
# Round 6: time spent with a person: "met up with X", "left the children with X".
_SPENT_WITH = (
    r"(?:met|meet|meeting|hung|hanging|went|going|stayed|staying|slept|sleeping)[ \t]+"
    r"(?:up|out|around|round|over|about)[ \t]+with|"
    r"(?:left|leaving|leave)[ \t]+(?:her|his|the|them|him|their)[ \t]+(?:[a-z]+[ \t]+)?with"
)
# What is done to a person: "saw Rye near the shops", "ask Autumn about", "discharged Grace
# after" (the word must then end the clause or be followed by a small word or a verb).
OBJECT_BEFORE = re.compile(
    r"\b(?:saw|see|sees|seen|seeing|met|meet|meets|visited|visit|visits|visiting|asked|ask|"
    r"asking|told|tell|telling|phoned|rang|contacted|discharged|examined|interviewed|"
    r"collected|described|gave|give|giving|offered|showed|put|"
    r"(?:spoke|speak|speaking|talked|talk|talking)(?:[ \t]+\w+ly)?[ \t]+(?:to|with)|"
    r"(?:addressed|sent|given|handed|belonged|belonging|shown|written|wrote|listened|"
    r"listen|listening|explained|happened|happening)[ \t]+to|"
    r"lived[ \t]+with|living[ \t]+with|"
    r"stayed[ \t]+with|staying[ \t]+with|looked[ \t]+after|cared[ \t]+for|picked[ \t]+up|"
    r"referred|placed|removed|supported|assessed|protected|invited|allowed|let|helped|"
    r"persuaded|forced|brought|drove|introduced|exploited|abused|neglected|harmed|hurt|"
    r"injured|wanted|want|wants|"
    r"excluded|bathed|fed|hit|punched|kicked|slapped|assaulted|groomed|threatened|heard|"
    r"hear|hears|noticed|notice|watched|followed|approached|grabbed|pushed|dragged|carried|"
    r"held|photographed|filmed|messaged|texted|"
    r"hugged|cuddled|weighed|vaccinated|admitted|believed|blamed|ignored|encouraged|"
    r"reassured|comforted|found|searched[ \t]+for|reported|left|leaving|took|take|taking|"
    r"(?:worried|worries|concerned|concerns|concern|cared|thinking|asked|told)[ \t]+(?:about|for)|"
    # round 6: whom one knew or pictured: "had known Bliss since", "a photo of Rose on"
    r"known|knew|(?:photo|photograph|picture|drawing|video)s?[ \t]+of|"
    rf"{_SPENT_WITH})"
    r"[ \t]+['‘\"“]?$"  # round 10: 'staying with "Ash"'
)
# Who a person is, asked: "Nobody asked who Brook was."
WHO_BEFORE = re.compile(r"\b(?:asked|ask|know|knew|sure|check|checked)[ \t]+who[ \t]+$")
WHO_AFTER = re.compile(r"[ \t]+(?:was|is|were)\b[ \t]*[.?,;)]")
# ... and of those, what is done only to a person, for a word in no list ("The nurse saw
# Zorvena at home", "never met Quillon."; not "visited Kelbury").
PERSON_OBJECT_BEFORE = re.compile(
    r"\b(?:saw|see|sees|seeing|met|meet|meets|meeting|asked|ask|asking|told|tell|telling|"
    r"phoned|rang|interviewed|examined|discharged|weighed|hugged|cuddled|bathed|fed|hit|"
    r"punched|kicked|slapped|assaulted|groomed|threatened|vaccinated|reassured|comforted|"
    r"(?:spoke|speak|speaking|talked|talk|talking)[ \t]+(?:to|with)|lived[ \t]+with|"
    r"living[ \t]+with|stayed[ \t]+with|staying[ \t]+with|looked[ \t]+after|cared[ \t]+for|"
    r"(?:referral|referrals|concerns?|worries|worried|concerned)[ \t]+(?:about|for|regarding)|"
    rf"{_SPENT_WITH})"
    r"[ \t]+['‘\"“]?$"
)
OBJECT_FOLLOWED_BY = re.compile(
    r"(?:[ \t]*(?:[.,;:!?)]|$)|[ \t]+[a-z]+ing\b|[ \t]+(?:and|or)[ \t]+['‘\"“]|"
    r"[ \t]+(?:about|after|alone|again|at|because|before|but|by|why|like|"
    r"what|how|if|whether|who|whom|as|rather|instead|a|an|"
    r"during|for|from|home|in|into|near|on|or|outside|since|that|to|when|where|while|with|"
    r"without|and[ \t]+(?:her|his|their|Mother|Father|Mum|Dad|Sibling|[A-Z][a-z]+[ \t]+(?:to|"
    r"about|at|in|on|home|after|with|for|near|outside|until|most|every|overnight)))\b)",
    re.MULTILINE,
)

# A nickname: "known as 'Madz'", "called her 'Smiler'", "Everyone called Young Person K
# 'Ducky'", "known to friends as Libz", "called the older man 'Big Mo'", "known locally as
# Tank", "saved in her phone as Big Sol", "used the name Jojo", "rapped under the name Lil Zee".
# Group `person`: the cue says the name is a person's (a person is its object, or the cue is
# only ever said of a nickname), so that a bare ordinary word after it is a name too.
_PERSON_NOUN = (
    r"(?:man|men|woman|women|boy|boys|girl|girls|lad|lads|person|adult|male|female|youth|"
    r"teenager|guy|bloke|partner|friend|uncle|cousin|neighbour|suspect|perpetrator|abuser|"
    # round 5: who else is named by "called": "a classmate called X", "a ten-year-old named X"
    r"child|children|baby|toddler|infant|pupil|classmate|schoolmate|brother|sister|son|"
    r"daughter|boyfriend|girlfriend|lodger|[a-z]+-(?:year|month|week)-old)"
)
_CUE_OBJECT = (
    r"(?:him|her|them|me|us|(?:Child|Baby|Young[ \t]+Person|Sibling|Adult)[ \t]+(?:[A-Z]{1,2}|\d)"
    rf"|(?:the|a|an|this|that|his|her|their|one)(?:[ \t]+[a-z]+(?:-[a-z]+)*){{0,2}}?[ \t]+"
    rf"{_PERSON_NOUN})\b"
)
NICKNAME_CUE = re.compile(
    r"\b(?:"
    r"(?:[Kk]nown|[Nn]amed(?=[ \t]+by\b)|referred[ \t]+to|knew(?:[ \t]+[\w' \t-]{1,40}?)?)"
    r"(?P<known>[ \t]+(?:locally|only|widely|mostly|simply|always|online|publicly|usually|"
    r"commonly|affectionately|mainly|(?:to|on|in|at|around|by|"
    r"among|amongst)[ \t]+[\w' \t]{1,45}?))?[ \t]+as"
    r"|(?P<nickname>nicknamed|aka|a\.k\.a\.?|AKA|"
    r"(?:went|goes|go)[ \t]+by(?:[ \t]+the[ \t]+(?:nick)?name(?:[ \t]+of)?)?|answers?[ \t]+to|"
    r"answered[ \t]+to|"
    r"(?:calls?|called|calling)[ \t]+(?:him|her|them)sel(?:f|ves)|"
    r"nickname(?:[ \t]+(?:was|is|of))?,?|saved(?:[ \t]+in[ \t]+(?:her|his|their|the)[ \t]+"
    r"(?:phone|contacts))?[ \t]+as|(?:used|uses|using|gave|gives|giving|gone|went|goes|going|"
    r"known|by|under)[ \t]+(?:the[ \t]+|her[ \t]+|his[ \t]+|their[ \t]+|a[ \t]+)?(?:nick)?names?"
    r"(?:[ \t]+(?:of|as))?|(?:street|stage|rap|"
    r"online|user|code|false|fake|alias)[ \t]+name(?:[ \t]+(?:was|is|of))?,?|alias(?:es)?,?)"
    # round 6: who named people to whom: "named the men who picked her up as Ash, Dizzy and"
    r"|(?P<named_as>(?:named|identified|listed|gave)[ \t]+(?:the|her|his|their|two|"
    r"three|four|five|several|other)[ \t]+(?:[\w'’-]+[ \t]+){0,2}?(?:men|boys|girls|people|"
    r"friends|abusers|adults|males|lads|others)\b[\w \t'’-]{0,30}?[ \t]+as"
    # round 8: how a record names a person: "listed her as Mercy", "recorded him as Dev"
    r"|(?:listed|recorded|registered|entered|logged|booked)[ \t]+(?:him|her|them)[ \t]+as)"
    # round 9: ... or a person known only by a name in quotes: "recorded only as 'Gaz'"
    r"|(?:recorded|listed|logged|noted|known|named)[ \t]+(?:only|simply|just)[ \t]+as"
    r"(?=[ \t]+['‘\"“])"
    r"|called|named|calls?(?=[ \t]+(?:him|her|them|me|us|Child|Baby|Young|Sibling)\b)"
    r"|calls?(?=[ \t]+['‘\"“])"
    rf")(?:[ \t]+(?P<person>{_CUE_OBJECT}))?[ \t]*"
)
# A person before the cue: "a man called Gaz", "an older boy named Deano".
# ... also who calls them so between (round 6): "a man everyone called Spud", "a man the
# records call 'Bishop'", "Mother's partner was called X".
PERSON_BEFORE_CUE = re.compile(
    rf"\b{_PERSON_NOUN}[ \t]+(?:(?:was|is|were|had[ \t]+been|(?:that[ \t]+|whom?[ \t]+)?"
    r"(?:everyone|everybody|people|they|friends|locals|others|she|he|we|the[ \t]+[a-z]+))[ \t]+)?$"
)
# One to three Capitalised words in quotes: "'Smiler'", "'Big Mo'", "'Little T'".
# Round 6: after "the" inside the quotes ("'the Turk'"); never a word's apostrophe ("What's").
QUOTED_NAME = re.compile(
    r"['‘\"“](?:[Tt]he[ \t]+)?([A-Z][\w’'-]{0,20}(?:[ \t]+[A-Z][\w’'-]{0,20}){0,2})['’\"”](?!\w)"
)
# After "known as" without quotes, one to three Capitalised words that end the clause:
# "as Libz)", "as Big Sol,"; after a cue said of a person, any ("a man called Gaz at").
BARE_NAME = re.compile(r"([A-Z][\w’'-]{0,18}(?:[ \t]+[A-Z][\w’'-]{0,18}){0,2})")
BARE_NICKNAME = re.compile(
    BARE_NAME.pattern
    + r"(?=[ \t]*(?:[.,;:)!?]|$|(?:by|and|but|who|when|because|to|at|in|on|for|from)\b))",
    re.MULTILINE,
)
# A family: "the Nowaks", "the Okonjo family", "the Hall household".
FAMILY = re.compile(
    r"\b[Tt]he[ \t]+((?:(?:[Vv]an|[Vv]on|[Dd]e|[Dd]er|[Dd]en|[Dd]u|[Ll]e|[Ll]a|[Dd]i|[Dd]a|"
    r"[Aa]l|[Ee]l)[ \t]+)*(?:O['’])?[A-Z][^\W\d_]+(?:[-‐][A-Z][^\W\d_]+)?)"
    r"(?:[ \t]+(family|families|household|children|twins|brothers|sisters|boys|girls)\b)?"
)
# ... or it stands in a list of the household: "lived with Mother and Mark".
HOUSEHOLD_BEFORE = re.compile(
    r"(?:\b(?:Mother|Father|Mum|Dad|Grandmother|Grandfather|Nan|Sibling \d+)|\bwith)"
    r"[ \t]+and[ \t]+$|\b(?:Mother|Father|Mum|Dad)[ \t]+and[ \t]+$"
)

# Lists of people: "The children, Willow, Mason and Child C, were seen": a word listed beside
# a name or a case letter is a name too.
_SEPARATOR = r"(?:,[ \t]+(?:and[ \t]+|&[ \t]+)?|[ \t]+(?:and|&)[ \t]+)"
LIST_SEPARATOR = re.compile(_SEPARATOR)
# ... or given beside a case letter in brackets: "Child L (Summer)", "Summer (Child L)".
CASE_IN_BRACKETS_AFTER = re.compile(rf"[ \t]*\({_CASE}\)")
LISTED_PERSON_AFTER = re.compile(rf"{_SEPARATOR}{_CASE}|{CASE_IN_BRACKETS_AFTER.pattern}")
LISTED_PERSON_BEFORE = re.compile(rf"\b{_CASE}(?:{_SEPARATOR}|[ \t]*\()$")
# ... or a list said to be of people: "with Devon and Brooklyn, two other young people",
# "Kai, Rio and Mason, all aged 15", "Two boys, Flint and Rocky, were" (matched at the ends of
# a list of words found already).
PEOPLE_LIST_AFTER = re.compile(
    r",?[ \t]+(?:(?:two|three|four|five|both|all)\b[^.;:\n]{0,30}?\b(?:people|children|boys|"
    r"girls|men|women|friends|teenagers|brothers|sisters|siblings|cousins|adults|lads|aged)\b"
    r"|(?:were|are)[ \t]+(?:twins|siblings|brothers|sisters|cousins|best[ \t]+friends|all|"
    r"both)\b)"
)
PEOPLE_LIST_BEFORE = re.compile(
    r"\b(?i:two|three|four|five|the|both|her|his|their)[ \t]+(?:[a-z-]+[ \t]+)?(?:boys|girls|"
    r"brothers|sisters|children|siblings|friends|men|women|teenagers|twins|sons|daughters|"
    r"cousins)[,:][ \t]+$"
)
LIST_END = re.compile(
    rf"(?:{_SEPARATOR}[A-Z][^\W\d_]+(?:['’-][^\W\d_]+)?)*[ \t]*(?:[,;)]|\.(?!\w))"
)
# A word in apposition after who the person is: "his younger sister, Ruzenka, told", "her
# support worker, Jade, said", "Mother's first name, Precious, appears" (the word then ends
# the clause: see APPOSITION_AFTER).
APPOSITION_BEFORE = re.compile(
    r"\b(?:son|daughter|brother|sister|half-brother|half-sister|stepbrother|stepsister|"
    r"stepson|stepdaughter|stepfather|stepmother|stepdad|stepmum|baby|twin|sibling|cousin|niece|"
    r"nephew|grandson|granddaughter|boyfriend|girlfriend|partner|husband|wife|ex|friend|"
    r"mother|father|mum|dad|aunt|auntie|aunty|uncle|nan|grandmother|grandfather|grandma|"
    r"grandad|neighbour|lodger|carer|childminder|worker|teacher|coach|tutor|mentor|manager|"
    r"boss|landlord|landlady|employer|colleague|classmate|keyworker|nurse|midwife|visitor|"
    r"advocate|adviser|advisor|officer|practitioner|volunteer|assistant|therapist|counsellor|"
    r"psychologist|paediatrician|doctor|interpreter|solicitor|priest|imam|pastor|vicar|"
    r"chaplain|leader|headteacher|boy|girl|lad|man|woman|teenager|pupil|student|child|"
    r"acquaintance|associate|"
    r"(?:first|given|middle|real|full|birth|last)[ \t]+name|forename|surname|"
    r"(?:her|his|their|the[ \t]+(?:child|family|boy|girl)['’]s)[ \t]+name|"
    # round 6: a role by its initials after whose it is: "her IDVA, Jasmine."
    r"(?:her|his|their|my|our|the[ \t]+family['’]s)[ \t]+(?-i:[A-Z]{2,5}))"
    # round 9: ... and what is said of them first: "A girl with ADHD, Poppy, was"
    r"(?:[ \t]+(?:with|from|in|at|of)[ \t]+(?:an?[ \t]+|the[ \t]+)?[\w'’-]+)?"
    r",[ \t]+(?:[A-Z][\w'’-]*[ \t]+){0,2}$",
    re.IGNORECASE,
)
# Who made something, who is thanked or written to, whose name a form gives: "a poem by
# Clover", "![Picture by Meadow of her bedroom](...)", "thanks to Hope", "Dear Sunny,",
# "Name: Storm", "First name: Jade".
MADE_BY_BEFORE = re.compile(
    r"(?:\b(?:drawing|drawn|picture|painting|painted|poem|letter|card|note|story|song|written|"
    r"made)[ \t]+(?:by|from)|\bthanks?[ \t]+(?:you[ \t]+)?to|\bthank[ \t]+you,?|"
    r"\b(?:in[ \t]+(?:loving[ \t]+)?memory[ \t]+of|remembering|dedicated[ \t]+to)|"
    r"(?:^|\n|[\"“'‘])[ \t>*_]*(?:Dear|Hi|Hello|Hiya)|"
    r"\b(?:(?:first|given|middle|last|full|child['’]s|pupil['’]s|patient['’]s)[ \t]+name|"
    r"forename|surname|(?:^|\n)[ \t>*_|-]*name)[ \t]*[*_]*:[*_]*"
    r"|\b(?:family|maiden|the)[ \t]+(?:sur)?name|\bsurname"
    # round 6: by whom a person was looked after, taught or harmed: "coached by Paddy"
    r"|\b(?:coached|supervised|mentored|tutored|taught|babysat|groomed|exploited|abused|"
    r"befriended|recruited|bullied|threatened|assaulted|fostered|adopted|accompanied|escorted|"
    r"raised|collected|looked[ \t]+after|cared[ \t]+for|picked[ \t]+up|driven|dropped[ \t]+off|"
    r"cuddled|hugged|hit|kicked|pushed|slapped|punched|minded)[ \t]+by)[ \t]+$",
    re.IGNORECASE,
)
# Round 6: a role whose holder the text names: "The health visitor was Summer, and".
ROLE_WAS_BEFORE = re.compile(
    r"\b(?:the|her|his|their|a|my|our)[ \t]+(?:[a-z'’-]+[ \t]+)?(?:worker|teacher|coach|tutor|"
    r"mentor|carer|childminder|nurse|midwife|visitor|advocate|adviser|officer|practitioner|"
    r"volunteer|assistant|therapist|counsellor|doctor|interpreter|keyworker|leader|lodger|"
    r"neighbour|partner|boyfriend|girlfriend|friend|babysitter|manager|headteacher|IDVA|ISVA|"
    r"DSL|SENCO|PCSO)[ \t]+(?:was|is|were)[ \t]+(?:called[ \t]+)?$",
    re.IGNORECASE,
)
# Who said it, after a quotation: '"It was fine," said Summer.'
SAID_BEFORE = re.compile(
    r"[\"”'’,][ \t]*(?:said|says|asked|explained|added|replied|recalled|remembered|wrote|"
    r"told[ \t]+(?:us|me|the[ \t]+review))[ \t]+$"
)
SAID_AFTER = re.compile(r"[ \t]*(?:[.,;:!?)]|$|[ \t]+\(|,?[ \t]+(?:aged|who|when)\b)", re.MULTILINE)
# A word between commas followed by what a person does: "A boy in the under-12s, Hunter,
# told his mum", "A youth worker at the club, Ernest, knew".
COMMA_BEFORE = re.compile(r",[ \t]+$")
SUBJECT_AFTER = re.compile(
    rf",[ \t]+(?:{SPEECH_VERBS}|lived|lives|attended|attends|disclosed|knew|noticed|saw|heard|"
    r"felt|thought|raised|phoned|rang|contacted|visited|reported|spotted|cried|moved|went|ran|"
    r"stayed|returned|joined|missed|wanted|loved|liked|enjoyed|played|arrived|walked|woke|"
    r"hid|slept|laughed|smiled|texted|messaged|kept)\b(?![ \t]+(?:that|to|by)\b)"
)
APPOSITION_AFTER = re.compile(r"['’\"”]?[ \t]*(?:[,.;)]|[ \t]+\()")
# A quotation's speaker: '"I told my teacher." — Blessing, 12'.
ATTRIBUTION_BEFORE = re.compile(r"[\"”'’)][ \t]*[—–-]{1,2}[ \t]*$|^[ \t]*[—–][ \t]*$", re.MULTILINE)
ATTRIBUTION_AFTER = re.compile(r"(?:,[ \t]*(?:aged[ \t]+)?\d{1,2})?[ \t]*(?:$|[,.(])", re.MULTILINE)
# A surname in capitals, as police records write it: "the surname as SULTANI", "named the man
# as CHEN", "the partner's surname, AGYEMAN".
CAPS_NAME_BEFORE = re.compile(
    r"\b(?:surname|name|named|called|(?<!such[ \t])as|suspect|offender|perpetrator)"
    r"[,:]?[ \t]*$",
    re.IGNORECASE,
)
# A common noun, not a name, follows these: "Our Vision is", "the Hope project".
DETERMINER_BEFORE = re.compile(
    r"\b(?:the|a|an|our|your|their|its|this|these|those|every|each|any|no)[ \t]+$",
    re.IGNORECASE,
)
# A full name in lower case where a name is expected: "Mother's sister, faith marsh, told",
# "known as grace hall".
# A family named by a word in no list needs the family nearby: "The family (the Okonjos)".
# ... or in apposition after who they are: "Child MM's grandparents, the Fields, had".
FAMILY_APPOSITION = re.compile(
    r"\b(?:grandparents|parents|neighbours|carers|relatives|in-laws|cousins|uncle|aunt|"
    r"adopters|guardians|landlords|family|household),[ \t]+$",
    re.IGNORECASE,
)
# ... or said to be a family just after: "a friend of the Masons, the family who ran the club".
# ... or a family a person lives or stays with: "staying with the Hills at weekends".
FAMILY_HOST_BEFORE = re.compile(
    r"\b(?:lived|living|lives|live|stayed|staying|stays|stay|moved[ \t]+in|slept|sleeping)"
    r"[ \t]+with[ \t]+$"
)
FAMILY_AFTER = re.compile(r",?[ \t]+(?:the|a|an)[ \t]+(?:[a-z-]+[ \t]+)?(?:family|household)\b")
FAMILY_NEARBY = re.compile(r"\b(?:family|families|household|parents|siblings)\b", re.IGNORECASE)
# ... found forward, from the words before it: a relation ("sister, faith marsh") or a word that
# gives a name ("named as", "recorded as junior mensah-boateng", "known as grace hall").
LOWER_PAIR = re.compile(
    r"\b(?:(?P<relation>"
    + cased(
        word_list(
            "son daughter brother sister half-brother half-sister stepfather stepmother "
            "boyfriend girlfriend partner husband wife friend mother father mum dad aunt auntie "
            "uncle nan grandmother grandfather cousin neighbour carer"
        )
    )
    + r")[,:][ \t]+|(?:"
    + cased(word_list("named called nicknamed"))
    + r"|(?:Known|known)[ \t]+as|(?:Referred|referred)[ \t]+to[ \t]+as|"
    r"(?:Name|name)[ \t]+(?:is|was)|"
    + cased(
        word_list(
            "name named recorded written wrote listed logged registered spelt spelled gave "
            "given identified"
        )
    )
    + r"(?:[ \t]+(?:him|her|them))?[ \t]+as)[ \t]+['‘\"“]?)"
    r"([a-z][a-z'’-]+)[ \t]+([a-z][a-z'’-]+)\b"
)
# What NICKNAME_CUE needs (see blocks.py).
NICKNAME_HINT = Words(
    (
        "known", "knew", "referred", "name", "went by", "goes by", "answer", "call", "saved",
        "alias", "aka", "a.k.a", "listed", "recorded", "registered", "entered", "logged",
        "booked",
    )
)  # fmt: skip
LOWER_PAIR_AFTER = re.compile(
    rf"['’\"”]?(?:[ \t]*[,.;:)]|[ \t]+(?:{SPEECH_VERBS}|by|who|and)\b|['’]s[ \t]+(?:{KIN})\b)",
    re.IGNORECASE,
)

# A person's noun, for a word said of them in apposition (round 5): "His younger brother,
# hunter, told", "A classmate, Chester, showed", "a ten-year-old, Blessing, came", "A second
# child, Sunday, copied".
_APPOSED_NOUN = (
    r"(?:son|daughter|brother|sister|half-brother|half-sister|stepbrother|stepsister|twin|"
    r"sibling|cousin|niece|nephew|grandson|granddaughter|boyfriend|girlfriend|partner|husband|"
    r"wife|friend|mother|father|mum|dad|aunt|auntie|aunty|uncle|nan|grandmother|grandfather|"
    r"grandma|grandad|neighbour|lodger|carer|childminder|worker|teacher|coach|tutor|mentor|"
    r"manager|landlord|landlady|colleague|classmate|schoolmate|playmate|teammate|housemate|"
    r"flatmate|pupil|student|peer|child|boy|girl|lad|man|woman|teenager|toddler|baby|infant|"
    r"youngster|resident|member|volunteer|adult|person|[a-z]+-(?:year|month|week)-old)s?"
)
PERSON_BEFORE_APPOSED = re.compile(
    rf"\b{_APPOSED_NOUN}(?:[ \t]+(?:in|at|from|of|on)[ \t]+[^,.;:\n]{{1,40}}?)?,[ \t]+$",
    re.IGNORECASE,
)
# ... followed by what a person does: "told", "showed", "copied", "came", "who".
DOES_AFTER_APPOSED = re.compile(
    rf",[ \t]+(?:(?:also|then|later|once|often|had|has|was|would|could)[ \t]+)?"
    rf"(?:{ACTION_VERBS}|{SPEECH_VERBS}|who|whose|aged|[a-z]{{2,}}ed|took|gave|made|brought|"
    r"sent|wrote|found|kept|hit|got|put|met|stole|threw|sold|bought|lost|won|fell|tells|"
    r"shows|takes|gives|makes)\b"
)
# A kin word and a name in lower case after it: "his cousin mercy, they play rough".
KIN_THEN_LOWER = re.compile(
    r"\b(?:his|her|their|my|your|our|[A-Z][a-z]+['’]s)[ \t]+(?:(?:older|younger|little|big|"
    r"baby|elder|twin|half|step|new|best)[ \t-]+)?(?:brother|sister|cousin|friend|boyfriend|"
    r"girlfriend|partner|son|daughter|uncle|aunt|auntie|nan|niece|nephew|neighbour)[ \t]+"
    r"([a-z][a-z'’-]{2,})(?=[ \t]*[,.;:!?)\"”]|[ \t]+(?:and|who|was|had|is|has|said|told)\b)"
)
# A word in lower case that starts a sentence, then who it is: "heather, a senior carer, told".
LOWER_BEFORE_ROLE = re.compile(
    r"(?:^|[.!?][ \t]+|\n[ \t>*-]*)([a-z][a-z'’-]{2,}),[ \t]+(?:a|an|the|his|her|their)[ \t]+"
    rf"(?:[\w'’-]+[ \t]+){{0,3}}?{_APPOSED_NOUN},",
    re.MULTILINE,
)
# ... or before what only a person says: "heather told the review she was worried".
LOWER_BEFORE_SPEECH = re.compile(
    r"(?:^|[.!?][ \t]+|\n[ \t>*-]*)([a-z][a-z'’-]{2,})[ \t]+(?:told|disclosed|texted|messaged|"
    r"whispered|confided|cried)\b",
    re.MULTILINE,
)
