"""Word lists the copy desk's heuristics lean on. Extend them here, not in the code."""

HONORIFICS = frozenset(
    "President Dr Mr Mrs Ms Mx Prof Professor Sir Dame Lord Lady Captain Capt Colonel Col "
    "General Gen Major Lieutenant Lt Sergeant Sgt Commander Cmdr Minister Prime Mayor Senator "
    "Governor Judge Chancellor Coach Inspector Detective Chief Pope King Queen Prince Princess "
    "Rev Reverend Father Sister Councillor Cllr Rabbi Imam Admiral Marshal"
    .split()
)  # fmt: skip

ROLE_WORDS = frozenset(
    "cosmonaut astronaut pilot copilot co-pilot commander engineer scientist researcher "
    "professor president minister mayor governor senator spokesperson spokeswoman spokesman "
    "director chairman chairwoman chair founder manager coach striker midfielder defender "
    "goalkeeper captain forecaster meteorologist economist analyst councillor inspector "
    "detective officer sergeant chief ceo executive farmer teacher driver doctor nurse "
    "surgeon geologist astronomer biologist physicist chemist historian lawyer judge "
    "prosecutor curator architect winger batsman bowler referee umpire skipper player "
    "owner resident treasurer secretary adviser advisor planner photographer"
    .split()
)  # fmt: skip

# Capitalised words that open sentences or headings but are not names.
COMMON_CAPITALISED = frozenset(
    "The A An And But Or Nor So Yet For In On At By To Of From With Without After Before "
    "During Since Until While When Where Why How What Which Who Whom Whose If Although Though "
    "As Because This That These Those There Here It Its He She They We I You His Her Their Our "
    "My Your Yes No Not Also Still Even Just Only Then Now Later Earlier Today Tonight "
    "Yesterday Tomorrow Meanwhile However Instead Despite Under Over Into About Around Among "
    "Between Through Once Some Many Most More Few All Both Each Every Another Other Such One "
    "Two Three Four Five Six Seven Eight Nine Ten First Second Third Last Next New Old Mr Mrs "
    "Ms According Asked Speaking Like Unlike Read Share Sign Latest Related Advertisement"
    .split()
)  # fmt: skip

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = (
    "January February March April May June July August September October November December"
    .split()
)  # fmt: skip

ORG_WORDS = frozenset(
    "Agency Council Corporation Corp Inc Ltd Plc LLC Group University Institute Bank Ministry "
    "Department Authority Association Club United Rovers Athletic Service Services Office "
    "Committee Commission Party Centre Center Observatory Foundation Company Airlines Airways "
    "Society Union Federation Board Trust Police Laboratory Laboratories Lab Labs Academy "
    "School College Hospital Museum Library Agency Bureau Network News Times Post Press Herald "
    "Gazette Partners Holdings Industries Motors Systems Technologies Energy Space Aerospace "
    "Programme Program Court Parliament Assembly Senate Congress Fund Orchestra Theatre FC"
    .split()
)  # fmt: skip

PLACE_WORDS = frozenset(
    "City Street Road Avenue Lane River Lake Mount Mountain Cape Island Islands Bay Valley "
    "North South East West Northern Southern Eastern Western Port Park Square Bridge Station "
    "Airport Sea Ocean Hall Stadium Arena Ground Field Harbour Harbor Beach Coast Hills Forest "
    "County State Province Region District Kingdom Republic Peninsula Desert Gulf Strait"
    .split()
)  # fmt: skip

NAME_CONNECTORS = frozenset("de van von der den da du la le bin al of".split())

# Two-to-six-letter capitals that are not organizations.
NON_ORG_ACRONYMS = frozenset(
    "US USA UK EU UN TV AM PM OK ID GMT UTC BST CET EST PST PDT EDT CEO CFO CTO MP MPS MEP "
    "PR PC IT AI GDP VAT DNA RNA HIV COVID LED GPS USB PDF FAQ DIY RSVP ASAP AKA FYI TBC TBA "
    "ETA UFO VIP ISS UV NB PS OMG LOL KM MPH KPH BC AD BCE CE HQ ER ICU PE RE QC KC OBE MBE "
    "CBE PHD MSC BSC MA BA ST MT NO II III IV VI VII VIII IX XI XII"
    .split()
)  # fmt: skip

SPEECH_VERBS = (
    "said says say told tells added adds asked asks explained explains wrote writes posted "
    "tweeted announced announces stated declared insisted insists warned warns noted notes "
    "recalled recalls replied continued remarked admitted argued argues conceded joked "
    "confirmed confirms acknowledged predicted promised urged agreed complained cautioned "
    "observed suggested called described dubbed reported reports responded quipped radioed "
    "exclaimed shouted cried boasted wondered summed sums put puts notes argues recalls "
    "saying adding telling noting writing explaining insisting warning declaring recalling "
    "replying announcing calling call calls"
    .split()
)  # fmt: skip

# Words that may stand between a speaker and the verb: "he later explained".
SPEECH_ADVERBS = frozenset(
    "later once then also still often never always afterwards again finally simply only "
    "famously quietly repeatedly"
    .split()
)  # fmt: skip

# Nouns that point back to an organization named earlier ("the agency said").
ORGANIZATION_NOUNS = frozenset(
    "agency company council ministry club firm team department university institute "
    "authority service observatory government board bank airline operator manufacturer "
    "laboratory lab museum hospital school society federation league commission office"
    .split()
)  # fmt: skip

DANGLING_WORDS = frozenset(
    "and but or nor because although though whereas the a an of with to from into"
    .split()
)  # fmt: skip

STOPWORDS = frozenset(
    "the a an of to in on at and or but is was were are be been being it its that this these "
    "those for with as by from he she they his her their him them we our you i has have had "
    "will would can could may might shall should do does did said says there which who whom "
    "what when where than then so not no also just very into onto about after before over "
    "under up down out off again more most some any all both each such only own same too"
    .split()
)  # fmt: skip
