"""Demo newsroom content: the history of human spaceflight, in our own words."""

# Pure data consumed by the ``load_demo`` management command. No Django imports here.
# Bodies are Markdown; every quote's text appears verbatim, in straight double quotes,
# inside its article's body. Staff journalist slugs are linked to demo user accounts.

SECTIONS = [
    {
        "slug": "missions",
        "name": "Missions",
        "description": (
            "Launches, landings, dockings and spacewalks: the flights that defined human "
            "spaceflight, told mission by mission."
        ),
    },
    {
        "slug": "profiles",
        "name": "Profiles",
        "description": (
            "The cosmonauts, astronauts, engineers and officials behind the missions, and the "
            "lives they led on the ground."
        ),
    },
    {
        "slug": "technology",
        "name": "Science & Technology",
        "description": (
            "Rockets, capsules, suits and stations: how the hardware worked and why it mattered."
        ),
    },
    {
        "slug": "opinion",
        "name": "Opinion & Analysis",
        "description": (
            "Argument, analysis and reviews on what more than six decades of human spaceflight "
            "have meant."
        ),
    },
]

PEOPLE = [
    {
        "slug": "yuri-gagarin",
        "name": "Yuri Gagarin",
        "honorific": "",
        "role": "cosmonaut",
        "bio": (
            "Soviet Air Force pilot who became the first human in space when Vostok 1 carried him "
            "once around Earth on 12 April 1961. The son of a collective-farm carpenter from the "
            "Smolensk region, he became a global celebrity almost overnight. He died in a "
            "training-jet crash in March 1968, aged 34."
        ),
        "aliases": ["Yury Gagarin", "Iouri Gagarine", "Yuri Alekseyevich Gagarin"],
    },
    {
        "slug": "alexei-leonov",
        "name": "Alexei Leonov",
        "honorific": "",
        "role": "cosmonaut",
        "bio": (
            "Soviet cosmonaut who made the first spacewalk, leaving Voskhod 2 for just over "
            "twelve minutes on 18 March 1965. Ten years later he commanded the Soviet half of the "
            "Apollo–Soyuz Test Project. A keen painter, he turned his memories of orbit into "
            "artworks and postage-stamp designs; he died in 2019."
        ),
        "aliases": ["Alexey Leonov", "Aleksei Leonov", "Alexei Arkhipovich Leonov"],
    },
    {
        "slug": "pavel-belyayev",
        "name": "Pavel Belyayev",
        "honorific": "",
        "role": "cosmonaut",
        "bio": (
            "Commander of Voskhod 2 and a former fighter pilot. When the automatic landing system "
            "failed on the way home in March 1965, he oriented the capsule and fired the braking "
            "engine by hand. He died in 1970."
        ),
        "aliases": ["Pavel Belyaev", "Pavel Ivanovich Belyayev"],
    },
    {
        "slug": "valentina-tereshkova",
        "name": "Valentina Tereshkova",
        "honorific": "",
        "role": "cosmonaut",
        "bio": (
            "Textile-mill worker and amateur parachutist who became the first woman in space "
            "aboard Vostok 6 on 16 June 1963. She spent nearly three days in orbit and circled "
            "Earth 48 times. She later qualified as an engineer and had a long career in Soviet "
            "and Russian politics."
        ),
        "aliases": ["Valentina Vladimirovna Tereshkova", "Valentina Terechkova"],
    },
    {
        "slug": "svetlana-savitskaya",
        "name": "Svetlana Savitskaya",
        "honorific": "",
        "role": "cosmonaut",
        "bio": (
            "Test pilot and former world aerobatics champion who became the second woman in space "
            "in 1982. On 25 July 1984, outside the Salyut 7 station, she became the first woman "
            "to walk in space, and that flight also made her the first woman to fly to space "
            "twice."
        ),
        "aliases": ["Svetlana Yevgenyevna Savitskaya"],
    },
    {
        "slug": "vladimir-dzhanibekov",
        "name": "Vladimir Dzhanibekov",
        "honorific": "",
        "role": "cosmonaut",
        "bio": (
            "Soviet commander who flew five missions, including Soyuz T-12, on which he "
            "spacewalked alongside Svetlana Savitskaya in 1984. A year later he led the crew that "
            "brought the dead Salyut 7 station back to life."
        ),
        "aliases": ["Vladimir Janibekov"],
    },
    {
        "slug": "valeri-kubasov",
        "name": "Valeri Kubasov",
        "honorific": "",
        "role": "cosmonaut",
        "bio": (
            "Soviet flight engineer who flew with Alexei Leonov on Soyuz 19 during the "
            "Apollo–Soyuz Test Project in 1975. On an earlier mission, Soyuz 6 in 1969, he ran "
            "the first welding experiments in space."
        ),
        "aliases": ["Valery Kubasov", "Valeriy Kubasov"],
    },
    {
        "slug": "valeri-polyakov",
        "name": "Valeri Polyakov",
        "honorific": "Dr",
        "role": "cosmonaut and physician",
        "bio": (
            "Russian doctor and cosmonaut who studied the effects of long-duration flight on his "
            "own body. His stay aboard Mir from January 1994 to March 1995, lasting about 437 "
            "days, remains the longest single spaceflight."
        ),
        "aliases": ["Valeriy Polyakov", "Valery Polyakov"],
    },
    {
        "slug": "sergei-krikalev",
        "name": "Sergei Krikalev",
        "honorific": "",
        "role": "cosmonaut",
        "bio": (
            "Flight engineer whose six missions add up to more than 800 days in orbit. He was "
            "aboard Mir when the Soviet Union dissolved in 1991, and in 2000 he was one of the "
            "three members of Expedition 1, the first resident crew of the International Space "
            "Station."
        ),
        "aliases": ["Sergey Krikalyov", "Sergei Konstantinovich Krikalev"],
    },
    {
        "slug": "yuri-gidzenko",
        "name": "Yuri Gidzenko",
        "honorific": "",
        "role": "cosmonaut",
        "bio": (
            "Russian cosmonaut who commanded the Soyuz TM-31 spacecraft that carried Expedition "
            "1, the first resident crew, to the International Space Station in 2000."
        ),
        "aliases": ["Yury Gidzenko"],
    },
    {
        "slug": "sergei-korolev",
        "name": "Sergei Korolev",
        "honorific": "",
        "role": "chief designer",
        "bio": (
            "Rocket engineer who led the OKB-1 design bureau and steered the Soviet Union’s early "
            "space successes, from Sputnik to Vostok and Voskhod. Imprisoned during the purges of "
            "the late 1930s, he was referred to in public only as the anonymous Chief Designer "
            "during his lifetime. He died after surgery in January 1966."
        ),
        "aliases": ["Sergey Korolyov", "Sergei Pavlovich Korolev", "the Chief Designer"],
    },
    {
        "slug": "yang-liwei",
        "name": "Yang Liwei",
        "honorific": "",
        "role": "astronaut",
        "bio": (
            "Former air force pilot who became China’s first astronaut, orbiting Earth 14 times "
            "aboard Shenzhou 5 on 15 and 16 October 2003. He later took a senior post in the "
            "country’s human spaceflight programme."
        ),
        "aliases": ["Yang Li-wei"],
    },
    {
        "slug": "alan-shepard",
        "name": "Alan Shepard",
        "honorific": "",
        "role": "astronaut",
        "bio": (
            "Navy test pilot who became the first American in space with a 15-minute suborbital "
            "flight aboard Freedom 7 on 5 May 1961. Grounded for years by an inner-ear disorder, "
            "he returned to command Apollo 14 in 1971 and walked on the Moon. He died in 1998."
        ),
        "aliases": ["Alan B. Shepard Jr.", "Al Shepard"],
    },
    {
        "slug": "john-glenn",
        "name": "John Glenn",
        "honorific": "",
        "role": "astronaut",
        "bio": (
            "Marine Corps pilot who became the first American to orbit Earth, circling it three "
            "times aboard Friendship 7 on 20 February 1962. He later spent 24 years as a US "
            "senator from Ohio and flew again, aged 77, on the Space Shuttle in 1998. He died in "
            "2016."
        ),
        "aliases": ["John H. Glenn Jr.", "Senator John Glenn"],
    },
    {
        "slug": "scott-carpenter",
        "name": "Scott Carpenter",
        "honorific": "",
        "role": "astronaut",
        "bio": (
            "One of NASA’s original seven Mercury astronauts. He was the capsule communicator who "
            "sent John Glenn off in February 1962, and three months later he flew his own orbital "
            "mission aboard Aurora 7."
        ),
        "aliases": ["M. Scott Carpenter", "Malcolm Scott Carpenter"],
    },
    {
        "slug": "ed-white",
        "name": "Ed White",
        "honorific": "",
        "role": "astronaut",
        "bio": (
            "Air Force test pilot who made the first American spacewalk during Gemini 4 on 3 June "
            "1965. He died with Gus Grissom and Roger Chaffee in the Apollo 1 launch-pad fire in "
            "January 1967."
        ),
        "aliases": ["Edward H. White II", "Edward White"],
    },
    {
        "slug": "james-mcdivitt",
        "name": "James McDivitt",
        "honorific": "",
        "role": "astronaut",
        "bio": (
            "Commander of Gemini 4, who photographed Ed White’s spacewalk through the cabin "
            "window. He later commanded Apollo 9, the first crewed test of the lunar module, in "
            "Earth orbit."
        ),
        "aliases": ["Jim McDivitt", "James A. McDivitt"],
    },
    {
        "slug": "neil-armstrong",
        "name": "Neil Armstrong",
        "honorific": "",
        "role": "astronaut",
        "bio": (
            "Former naval aviator and X-15 research pilot who commanded Apollo 11 and became the "
            "first person to walk on the Moon in July 1969. On Gemini 8 in 1966 he had flown the "
            "first docking of two spacecraft in orbit. He later taught aerospace engineering and "
            "died in 2012."
        ),
        "aliases": ["Neil Alden Armstrong"],
    },
    {
        "slug": "buzz-aldrin",
        "name": "Buzz Aldrin",
        "honorific": "",
        "role": "astronaut",
        "bio": (
            "Apollo 11 lunar module pilot and the second person to walk on the Moon. A specialist "
            "in orbital rendezvous with a doctorate from MIT, he had already shown on Gemini 12 "
            "that productive work outside a spacecraft was possible."
        ),
        "aliases": ["Edwin Aldrin", "Edwin E. Aldrin Jr."],
    },
    {
        "slug": "michael-collins",
        "name": "Michael Collins",
        "honorific": "",
        "role": "astronaut",
        "bio": (
            "Command module pilot of Apollo 11, who kept Columbia circling the Moon while his "
            "crewmates landed. He had made two spacewalks on Gemini 10, and later became the "
            "first director of the Smithsonian’s National Air and Space Museum. He died in 2021."
        ),
        "aliases": ["Mike Collins"],
    },
    {
        "slug": "thomas-stafford",
        "name": "Thomas Stafford",
        "honorific": "",
        "role": "astronaut",
        "bio": (
            "Air Force officer and veteran of Gemini 6A, Gemini 9A and Apollo 10 who commanded "
            "the American crew of the Apollo–Soyuz Test Project in 1975. His handshake with "
            "Alexei Leonov became an emblem of détente, and the two men stayed friends for life. "
            "He died in 2024."
        ),
        "aliases": ["Tom Stafford", "Thomas P. Stafford"],
    },
    {
        "slug": "vance-brand",
        "name": "Vance Brand",
        "honorific": "",
        "role": "astronaut",
        "bio": (
            "Command module pilot of the American spacecraft during the Apollo–Soyuz Test "
            "Project, his first spaceflight. He went on to command three Space Shuttle missions."
        ),
        "aliases": ["Vance DeVoe Brand"],
    },
    {
        "slug": "deke-slayton",
        "name": "Deke Slayton",
        "honorific": "",
        "role": "astronaut",
        "bio": (
            "One of the original seven Mercury astronauts, grounded in 1962 by an irregular "
            "heartbeat before he could fly. He spent years in charge of choosing crews and "
            "finally reached orbit on the Apollo–Soyuz mission in 1975, at the age of 51."
        ),
        "aliases": ["Donald K. Slayton", "Donald Slayton"],
    },
    {
        "slug": "jim-lovell",
        "name": "Jim Lovell",
        "honorific": "",
        "role": "astronaut",
        "bio": (
            "Commander of Apollo 13 and a veteran of Gemini 7, Gemini 12 and Apollo 8, the first "
            "crewed flight around the Moon."
        ),
        "aliases": ["James Lovell", "James A. Lovell Jr."],
    },
    {
        "slug": "jack-swigert",
        "name": "Jack Swigert",
        "honorific": "",
        "role": "astronaut",
        "bio": (
            "Command module pilot on Apollo 13, who joined the crew just days before launch and "
            "made the first radio call reporting the explosion on board."
        ),
        "aliases": ["John L. Swigert Jr.", "John Swigert"],
    },
    {
        "slug": "john-young",
        "name": "John Young",
        "honorific": "",
        "role": "astronaut",
        "bio": (
            "Astronaut whose career spanned the Gemini, Apollo and Space Shuttle programmes. He "
            "walked on the Moon during Apollo 16 and commanded STS-1, the first shuttle flight, "
            "in April 1981."
        ),
        "aliases": ["John W. Young"],
    },
    {
        "slug": "robert-crippen",
        "name": "Robert Crippen",
        "honorific": "",
        "role": "astronaut",
        "bio": (
            "Pilot of STS-1, the first Space Shuttle mission, in 1981, and commander of STS-7, "
            "the 1983 flight that carried Sally Ride into orbit."
        ),
        "aliases": ["Bob Crippen", "Robert L. Crippen"],
    },
    {
        "slug": "sally-ride",
        "name": "Sally Ride",
        "honorific": "Dr",
        "role": "astronaut",
        "bio": (
            "Physicist who became the first American woman in space on STS-7 in June 1983, "
            "operating the shuttle’s robotic arm. She later served on the inquiries into both the "
            "Challenger and Columbia disasters and co-founded a company to draw young people, "
            "especially girls, into science. She died in 2012."
        ),
        "aliases": ["Sally Kristen Ride"],
    },
    {
        "slug": "bill-shepherd",
        "name": "Bill Shepherd",
        "honorific": "",
        "role": "astronaut",
        "bio": (
            "Navy SEAL turned astronaut who commanded Expedition 1, the first resident crew of "
            "the International Space Station, from November 2000."
        ),
        "aliases": ["William Shepherd", "William M. Shepherd"],
    },
    {
        "slug": "gene-kranz",
        "name": "Gene Kranz",
        "honorific": "",
        "role": "NASA flight director",
        "bio": (
            "Flight director whose team was on duty in Mission Control for the Apollo 11 landing "
            "and who led the effort to bring the Apollo 13 crew home in April 1970. The white "
            "waistcoats he wore on shift became a Mission Control tradition."
        ),
        "aliases": ["Eugene Kranz", "Eugene F. Kranz"],
    },
    {
        "slug": "wernher-von-braun",
        "name": "Wernher von Braun",
        "honorific": "",
        "role": "rocket engineer",
        "bio": (
            "German-born engineer who led the team that developed the Saturn V Moon rocket at "
            "NASA’s Marshall Space Flight Center. His earlier work on the V-2 missile for Nazi "
            "Germany, built with forced labour, remains a contested part of his legacy."
        ),
        "aliases": ["Wernher Magnus Maximilian von Braun"],
    },
    {
        "slug": "john-f-kennedy",
        "name": "John F. Kennedy",
        "honorific": "President",
        "role": "US president",
        "bio": (
            "Thirty-fifth president of the United States. In May 1961 he asked Congress to commit "
            "the country to landing a man on the Moon and returning him safely before the end of "
            "the decade. He was assassinated in November 1963."
        ),
        "aliases": ["JFK", "John Fitzgerald Kennedy"],
    },
    {
        "slug": "helena-varga",
        "name": "Helena Varga",
        "honorific": "Dr",
        "role": "space historian",
        "bio": (
            "Historian of technology who has spent two decades working in Soviet and American "
            "archives on the crewed space programmes of 1957 to 1975. She is a frequent guest "
            "contributor to our science pages."
        ),
        "aliases": [],
    },
    {
        "slug": "rosa-marin",
        "name": "Rosa Marín",
        "honorific": "",
        "role": "Staff reporter",
        "bio": (
            "Rosa covers missions and launches, from anniversaries of the first flights to the "
            "space-station era. She came to the newsroom from the aviation beat and collects "
            "Soviet mission badges."
        ),
        "aliases": ["Rosa Marin"],
    },
    {
        "slug": "tomas-becker",
        "name": "Tomas Becker",
        "honorific": "",
        "role": "Science editor",
        "bio": (
            "Tomas edits the science and technology pages. Trained as a mechanical engineer, he "
            "writes about rockets, spacecraft and the people who design them."
        ),
        "aliases": ["Tomás Becker"],
    },
    {
        "slug": "amara-okafor",
        "name": "Amara Okafor",
        "honorific": "",
        "role": "Staff reporter",
        "bio": (
            "Amara writes profiles and explainers, with a particular interest in the women who "
            "broke into the astronaut and cosmonaut corps. Before joining the newsroom she worked "
            "in science museums."
        ),
        "aliases": [],
    },
    {
        "slug": "ilse-lindqvist",
        "name": "Ilse Lindqvist",
        "honorific": "",
        "role": "Reviewing editor",
        "bio": (
            "Ilse reviews copy before publication and writes occasional opinion pieces and "
            "reviews. She has a long-standing habit of asking reporters for a second source."
        ),
        "aliases": [],
    },
]

ORGANIZATIONS = [
    {
        "slug": "nasa",
        "name": "NASA",
        "kind": "agency",
        "description": (
            "The civil space agency of the United States, founded in 1958. It ran the Mercury, "
            "Gemini, Apollo and Space Shuttle programmes and leads the American side of the "
            "International Space Station."
        ),
        "aliases": ["National Aeronautics and Space Administration"],
    },
    {
        "slug": "soviet-space-programme",
        "name": "Soviet space programme",
        "kind": "government",
        "description": (
            "The web of ministries, military units and design bureaus that launched Sputnik, "
            "Vostok, Voskhod, Soyuz, Salyut and Mir. It had no single public-facing agency, and "
            "much of its history stayed secret until the late 1980s."
        ),
        "aliases": ["Soviet space program", "USSR space programme"],
    },
    {
        "slug": "okb-1",
        "name": "OKB-1",
        "kind": "other",
        "description": (
            "The experimental design bureau led by Sergei Korolev that built the R-7 rocket, "
            "Sputnik and the Vostok and Voskhod spacecraft. Its successor is today’s RSC Energia."
        ),
        "aliases": ["Experimental Design Bureau No. 1", "Korolev Design Bureau", "RSC Energia"],
    },
    {
        "slug": "roscosmos",
        "name": "Roscosmos",
        "kind": "agency",
        "description": (
            "Russia’s state space corporation and heir to the Soviet programme. It operates the "
            "Soyuz spacecraft and the Russian segment of the International Space Station."
        ),
        "aliases": [
            "State Space Corporation Roscosmos",
            "Russian Federal Space Agency",
            "Russian Space Agency",
        ],
    },
    {
        "slug": "esa",
        "name": "ESA",
        "kind": "agency",
        "description": (
            "The European Space Agency, an intergovernmental body founded in 1975. It built the "
            "Columbus laboratory for the International Space Station and flies European "
            "astronauts there."
        ),
        "aliases": ["European Space Agency"],
    },
    {
        "slug": "jaxa",
        "name": "JAXA",
        "kind": "agency",
        "description": (
            "Japan’s national aerospace agency, formed in 2003, which built the Kibo laboratory "
            "module on the International Space Station."
        ),
        "aliases": ["Japan Aerospace Exploration Agency"],
    },
    {
        "slug": "cnsa",
        "name": "CNSA",
        "kind": "agency",
        "description": (
            "China’s national space administration, responsible for civil space policy and "
            "international cooperation. Crewed flights are run by the separate China Manned Space "
            "Agency."
        ),
        "aliases": ["China National Space Administration"],
    },
    {
        "slug": "cmsa",
        "name": "China Manned Space Agency",
        "kind": "agency",
        "description": (
            "The Chinese body that runs the country’s human spaceflight programme, including the "
            "Shenzhou spacecraft and the Tiangong space station."
        ),
        "aliases": ["CMSA", "China Manned Space Engineering Office"],
    },
    {
        "slug": "tass",
        "name": "TASS",
        "kind": "news_agency",
        "description": (
            "The state news agency of the Soviet Union and later Russia, which carried the "
            "official announcements of Soviet space missions."
        ),
        "aliases": ["Telegraph Agency of the Soviet Union", "ITAR-TASS"],
    },
    {
        "slug": "xinhua",
        "name": "Xinhua",
        "kind": "news_agency",
        "description": (
            "China’s official state news agency, which carried the first reports of the country’s "
            "crewed flights."
        ),
        "aliases": ["Xinhua News Agency"],
    },
    {
        "slug": "united-nations",
        "name": "United Nations",
        "kind": "other",
        "description": (
            "The intergovernmental organisation whose General Assembly declared 12 April the "
            "International Day of Human Space Flight in 2011."
        ),
        "aliases": ["UN", "UN General Assembly"],
    },
]

ARTICLES = [
    {
        "slug": "first-spacewalk-voskhod-2",
        "headline": "Twelve minutes outside: how Alexei Leonov made the first spacewalk",
        "standfirst": (
            "On 18 March 1965 a Soviet cosmonaut pushed away from Voskhod 2 into open space. "
            "Getting back inside nearly cost him his life."
        ),
        "body": (
            "The flight of **Voskhod 2** lasted a little over a day, but it is remembered for "
            "twelve minutes and nine seconds. On 18 March 1965, on the craft’s second orbit, "
            "Alexei Leonov crawled through an inflatable airlock, pushed himself away from the "
            "hatch and became the first person to float freely outside a spacecraft, held by a "
            "tether a little over five metres long.\n\n"
            "Inside the cabin, commander Pavel Belyayev watched on a small monitor and kept the "
            "ground informed. Soviet television showed grainy pictures of a pale figure turning "
            "slowly against the black sky. Within hours the official announcement, carried by "
            'TASS, told the world that the cosmonaut had "moved away from the ship and returned '
            'safely" and that both crew members felt well.\n\n'
            "## What the pictures did not show\n\n"
            "In the vacuum, Leonov’s Berkut suit swelled so much that his hands slid back from "
            "the gloves and his feet lost contact with the boots. He could not fit back into the "
            "airlock. Rather than wait for instructions, he opened a valve and bled off some of "
            "the suit’s pressure, risking decompression sickness, until he was supple enough to "
            "squeeze in. He went in head first, against the plan, and then had to twist round "
            "inside the narrow tube to close the hatch behind him.\n\n"
            'He later explained the decision in plain terms: "There was no time to ask Earth for '
            'advice." By the time he was back in his seat he was drenched in sweat and his heart '
            "was racing.\n\n"
            "The return was no smoother. The automatic orientation system failed, so Belyayev "
            "lined the capsule up and fired the braking engine by hand, a first for a Soviet "
            "crew. Voskhod 2 came down hundreds of kilometres off course, in deep snow in the "
            "forests of the Perm region, and the two men spent a freezing night in the capsule "
            "before rescuers on skis reached them.\n\n"
            "For chief designer Sergei Korolev the mission was hurried but decisive: it put a "
            "Soviet cosmonaut outside a spacecraft less than three months before the first "
            "American spacewalk. For engineers on both sides it was also a warning that working "
            "in open space would be far harder than simply floating there."
        ),
        "kind": "reportage",
        "section": "missions",
        "byline": ["rosa-marin"],
        "people": ["alexei-leonov", "pavel-belyayev", "sergei-korolev"],
        "organizations": ["tass", "soviet-space-programme", "okb-1"],
        "tags": ["spacewalk", "Voskhod 2", "Cold War", "spacesuits", "space race"],
        "dateline": "MOSCOW",
        "state": "published",
        "days_ago": 0,
        "quotes": [
            {
                "text": "There was no time to ask Earth for advice.",
                "speaker": "alexei-leonov",
                "how": "paraphrasing his later recollections of the spacewalk",
                "is_pull_quote": True,
            },
            {
                "text": "moved away from the ship and returned safely",
                "speaker": "tass",
                "how": "said in the official announcement of the flight (paraphrased)",
                "is_pull_quote": False,
            },
        ],
        "related": [
            "ed-white-gemini-4-spacewalk",
            "spacesuits-explainer",
            "savitskaya-first-woman-spacewalk",
        ],
    },
    {
        "slug": "gagarin-vostok-1-first-orbit",
        "headline": "108 minutes that opened the space age: Yuri Gagarin and Vostok 1",
        "standfirst": (
            "On 12 April 1961 a 27-year-old Soviet pilot circled Earth once and came home a world "
            "celebrity. The whole flight was shorter than a feature film."
        ),
        "body": (
            "At 9:07 Moscow time on 12 April 1961, a rocket from the R-7 family lifted off from "
            "the steppe at Baikonur with a single passenger strapped into a spherical capsule. As "
            'the engines roared, Yuri Gagarin called out "Poyekhali!" The word, usually '
            'translated as "Let’s go!", was soon printed on posters across the Soviet Union.\n\n'
            "By later standards the flight plan was modest. Vostok 1 made one orbit lasting about "
            "108 minutes, crossing Siberia, the Pacific, the South Atlantic and Africa. Gagarin "
            "was largely a passenger: the manual controls were locked, and the code to release "
            "them had been sealed in an envelope on board in case of an emergency.\n\n"
            "## A rough ride home\n\n"
            "The descent was the hardest part. The equipment module did not separate cleanly from "
            "the capsule, which tumbled for several minutes until the connecting cables burned "
            "through. At around seven kilometres, as planned, Gagarin ejected and came down under "
            "his own parachute in a field near the Volga, not far from the town of Engels. Soviet "
            "officials did not acknowledge for years that he had left the capsule before it "
            "landed.\n\n"
            'TASS broke the news while he was still in orbit, announcing "the world’s first '
            'spaceship-satellite with a man on board", and by evening crowds were celebrating in '
            "Moscow. The name of chief designer Sergei Korolev, who had watched the launch from a "
            "nearby bunker, stayed secret.\n\n"
            "For Washington, the flight was another jolt after Sputnik. NASA’s first astronaut "
            "would not fly for more than three weeks, and then only on a brief suborbital arc. "
            "Gagarin, meanwhile, set off on a world tour that lasted far longer than his time in "
            "space."
        ),
        "kind": "feature",
        "section": "missions",
        "byline": ["rosa-marin", "tomas-becker"],
        "people": ["yuri-gagarin", "sergei-korolev"],
        "organizations": ["tass", "okb-1", "soviet-space-programme", "nasa"],
        "tags": ["Vostok", "space race", "Baikonur", "rocketry", "Cold War"],
        "dateline": "BAIKONUR",
        "state": "published",
        "days_ago": 1,
        "quotes": [
            {
                "text": "Poyekhali!",
                "speaker": "yuri-gagarin",
                "how": "radio call at lift-off",
                "is_pull_quote": True,
            },
            {
                "text": "the world’s first spaceship-satellite with a man on board",
                "speaker": "tass",
                "how": "said in its announcement of the launch (paraphrased)",
                "is_pull_quote": False,
            },
        ],
        "related": [
            "tereshkova-vostok-6-first-woman",
            "shepard-freedom-7",
            "sergei-korolev-chief-designer-obituary",
        ],
    },
    {
        "slug": "tereshkova-vostok-6-first-woman",
        "headline": "Call sign Seagull: Valentina Tereshkova, the first woman in space",
        "standfirst": (
            "A former textile worker who learned to parachute at a local club, Tereshkova spent "
            "nearly three days in orbit in June 1963, more than all of America’s Mercury flights "
            "combined."
        ),
        "body": (
            "When Vostok 6 lifted off from Baikonur on 16 June 1963, the call sign on board was "
            "*Chaika*, Seagull, and the voice answering the ground belonged to a 26-year-old "
            "woman from a village near Yaroslavl. Valentina Tereshkova had worked in a textile "
            "mill and made parachute jumps at a local flying club in her spare time.\n\n"
            "She was one of five women chosen for cosmonaut training in 1962. Parachuting "
            "mattered: like Yuri Gagarin before them, Vostok pilots ejected from the capsule "
            "during descent and landed separately. Tereshkova was the only member of the group to "
            "fly, and the women’s detachment was disbanded in 1969 without any of the others "
            "reaching orbit.\n\n"
            'Her words at launch, still quoted in Russia, were playful: "Hey, sky, take off your '
            'hat!" Her mission was planned alongside Vostok 5, flown by Valery Bykovsky, which '
            "had launched two days earlier. The two craft passed within about five kilometres of "
            "each other and the cosmonauts spoke by radio.\n\n"
            "Tereshkova completed 48 orbits in just under 71 hours, keeping a log, photographing "
            "the horizon and gathering data on how her body coped with weightlessness. It was not "
            "an easy flight: she later spoke of discomfort and fatigue, and said an error in the "
            "orientation settings had to be corrected before re-entry.\n\n"
            "Nineteen years passed before another woman flew, when Svetlana Savitskaya reached "
            "orbit in 1982. Tereshkova went on to graduate from the Zhukovsky air force "
            "engineering academy and to a long career in public life, first in the Soviet Union "
            "and later in the Russian parliament."
        ),
        "kind": "feature",
        "section": "profiles",
        "byline": ["amara-okafor"],
        "people": ["valentina-tereshkova", "yuri-gagarin", "svetlana-savitskaya"],
        "organizations": ["soviet-space-programme"],
        "tags": ["women in space", "Vostok", "Cold War", "space race", "Baikonur"],
        "dateline": "",
        "state": "published",
        "days_ago": 3,
        "quotes": [
            {
                "text": "Hey, sky, take off your hat!",
                "speaker": "valentina-tereshkova",
                "how": "radio remark at launch, as commonly quoted",
                "is_pull_quote": True,
            },
        ],
        "related": [
            "savitskaya-first-woman-spacewalk",
            "sally-ride-sts-7",
            "gagarin-vostok-1-first-orbit",
        ],
    },
    {
        "slug": "apollo-soyuz-handshake",
        "headline": "A handshake in orbit: the day Apollo and Soyuz docked",
        "standfirst": (
            "On 17 July 1975 an American and a Soviet spacecraft locked together above Earth, and "
            "two crews who had studied each other’s languages opened the hatch between them."
        ),
        "body": (
            "Both spacecraft left the ground on 15 July 1975: Soyuz 19 from Baikonur, and an "
            "Apollo command and service module from Kennedy Space Center in Florida about seven "
            "and a half hours later. Two days after that, on 17 July, they docked, joined by a "
            "purpose-built module that acted as an airlock between their very different cabin "
            "atmospheres.\n\n"
            "The American crew was Thomas Stafford, a veteran of three earlier flights; Vance "
            "Brand, on his first mission; and Deke Slayton, one of the original Mercury "
            "astronauts, who at 51 was finally reaching space after a heart condition had "
            "grounded him for more than a decade. Flying for the Soviet side were Alexei Leonov, "
            "who had made the first spacewalk ten years before, and flight engineer Valeri "
            "Kubasov.\n\n"
            "A few hours after docking, Stafford and Leonov shook hands through the open hatch. "
            "Over roughly two days the crews swapped gifts, shared meals and ran joint "
            "experiments. Each side had agreed to speak the other’s language, which prompted a "
            "joke Leonov told for years afterwards: there were three languages on the flight, "
            '"Russian, English and Oklahomski", the last being Stafford’s drawling Russian.\n\n'
            "## Engineering a common door\n\n"
            "The hardware was as much a diplomatic project as the crews. Engineers from both "
            "countries spent years agreeing on a docking mechanism in which either side could "
            "play the active role, and on a transfer module that let the crews move from Apollo’s "
            "low-pressure, pure-oxygen cabin into Soyuz’s nitrogen-oxygen air without suffering "
            'decompression sickness. NASA summed up the goal as "a test of compatible rendezvous '
            'and docking systems" for future international flights.\n\n'
            "It was the last flight of an Apollo spacecraft, and the last American crewed mission "
            "until the first Space Shuttle launch in 1981. Its deeper legacy appeared two decades "
            "later, when shuttles began docking with the Russian station Mir and the two "
            "countries set about building the International Space Station together."
        ),
        "kind": "reportage",
        "section": "missions",
        "byline": ["tomas-becker"],
        "people": [
            "thomas-stafford",
            "vance-brand",
            "deke-slayton",
            "alexei-leonov",
            "valeri-kubasov",
        ],
        "organizations": ["nasa", "soviet-space-programme"],
        "tags": ["docking", "Apollo", "Soyuz", "Cold War", "Kennedy Space Center"],
        "dateline": "HOUSTON",
        "state": "published",
        "days_ago": 5,
        "quotes": [
            {
                "text": "Russian, English and Oklahomski",
                "speaker": "alexei-leonov",
                "how": "a joke he repeated in later interviews",
                "is_pull_quote": True,
            },
            {
                "text": "a test of compatible rendezvous and docking systems",
                "speaker": "nasa",
                "how": "describing the mission’s purpose (paraphrased)",
                "is_pull_quote": False,
            },
        ],
        "related": [
            "first-spacewalk-voskhod-2",
            "iss-continuous-crew",
            "mir-station-legacy",
            "opinion-rivalry-to-partnership",
        ],
    },
    {
        "slug": "apollo-11-moon-landing",
        "headline": "Tranquility Base: the night Apollo 11 landed on the Moon",
        "standfirst": (
            "Neil Armstrong and Buzz Aldrin set the lunar module Eagle down on 20 July 1969 with "
            "fuel running short, while Michael Collins waited alone in orbit."
        ),
        "body": (
            "Apollo 11 left Kennedy Space Center on a Saturn V on 16 July 1969. Four days later, "
            "as the lunar module *Eagle* descended towards the Sea of Tranquility, flight "
            "director Gene Kranz’s team in Houston had a growing list of worries: the guidance "
            "computer was flashing unfamiliar program alarms, and the spot it was steering "
            "towards was littered with boulders.\n\n"
            "Neil Armstrong took over much of the control and flew on past the rocky area while "
            "Buzz Aldrin read out altitude and speed. When the landing pads finally touched down "
            "on 20 July, the fuel remaining was measured in seconds. Armstrong’s report was "
            'brief: "Houston, Tranquility Base here. The Eagle has landed."\n\n'
            "Hours later he climbed down the ladder and stepped onto the surface with the line "
            'that has been repeated ever since: "That’s one small step for man, one giant leap '
            'for mankind." Aldrin followed about twenty minutes later. The pair spent roughly two '
            "and a half hours outside, planting a flag, setting up a seismometer and a laser "
            "reflector, and collecting about 22 kilograms of rock and soil.\n\n"
            "Overhead, Michael Collins circled the Moon in the command module *Columbia*, out of "
            "radio contact every time he passed behind the far side. He later insisted that he "
            "had not felt lonely, only intensely aware of where he was.\n\n"
            "After about 21 hours on the surface, *Eagle* lifted off, rejoined Collins, and the "
            "crew splashed down in the Pacific on 24 July. The goal President John F. Kennedy had "
            "set in 1961, a landing and a safe return before the decade was out, had been met "
            "with five months to spare.\n\n"
            "The full mission transcripts are worth reading minute by minute; NASA keeps them in "
            "its public archive at [nasa.gov](https://www.nasa.gov)."
        ),
        "kind": "feature",
        "section": "missions",
        "byline": ["tomas-becker"],
        "people": [
            "neil-armstrong",
            "buzz-aldrin",
            "michael-collins",
            "gene-kranz",
            "john-f-kennedy",
        ],
        "organizations": ["nasa"],
        "tags": ["Apollo", "Moon", "space race", "Kennedy Space Center", "Saturn V"],
        "dateline": "HOUSTON",
        "state": "published",
        "days_ago": 6,
        "quotes": [
            {
                "text": "That’s one small step for man, one giant leap for mankind.",
                "speaker": "neil-armstrong",
                "how": "on stepping onto the lunar surface",
                "is_pull_quote": True,
            },
            {
                "text": "Houston, Tranquility Base here. The Eagle has landed.",
                "speaker": "neil-armstrong",
                "how": "radio call after touchdown",
                "is_pull_quote": False,
            },
        ],
        "related": ["apollo-soyuz-handshake", "shepard-freedom-7", "glenn-friendship-7-orbit"],
    },
    {
        "slug": "interview-helena-varga-space-race",
        "headline": "A historian on what the space-race story leaves out",
        "standfirst": (
            "Helena Varga has spent two decades in Soviet and American archives. We asked her "
            "what popular memory gets wrong about the first years of human spaceflight."
        ),
        "body": (
            "Helena Varga is a historian of technology whose work covers the Soviet and American "
            "crewed programmes between 1957 and 1975. We spoke about secrecy, celebrity and why "
            'she dislikes the word "race". The conversation has been edited for length and '
            "clarity.\n\n"
            "**On the idea of a race.** Varga does not deny the competition; both governments, "
            'she notes, used every first as propaganda. "But the Soviet engineers were often '
            'racing their own deadlines more than they were racing NASA."\n\n'
            "**On secrecy.** The contrast in openness, she argues, shaped how each side is "
            'remembered. "Korolev was a name almost nobody outside a small circle knew until he '
            "died. The Americans launched on live television; the Soviet side announced its "
            'flights once they were safely under way."\n\n'
            "**On the cosmonauts.** Gagarin, Tereshkova and Leonov were, in her view, test pilots "
            'and ambassadors at once, and the second job was often the harder. "The flights '
            'lasted hours or days. The tours afterwards lasted years."\n\n'
            "**On what the archives changed.** Documents released since the 1990s show how close "
            "several missions came to disaster. Voskhod 2 is her favourite example: a flight "
            "presented as flawless in 1965 that was, on paper, a chain of improvisations from the "
            "airlock to the landing.\n\n"
            "**On the ending.** Varga points to the Apollo–Soyuz docking of 1975 and to the "
            "International Space Station as the real conclusion of the story. She has a favourite "
            'way of putting it: "The race ended in a docking, not at a finish line."'
        ),
        "kind": "interview",
        "section": "profiles",
        "byline": ["amara-okafor"],
        "people": [
            "helena-varga",
            "sergei-korolev",
            "yuri-gagarin",
            "valentina-tereshkova",
            "alexei-leonov",
        ],
        "organizations": ["nasa", "soviet-space-programme"],
        "tags": ["space race", "Cold War", "history", "Voskhod 2"],
        "dateline": "",
        "state": "published",
        "days_ago": 8,
        "quotes": [
            {
                "text": "The flights lasted hours or days. The tours afterwards lasted years.",
                "speaker": "helena-varga",
                "how": "said in an interview",
                "is_pull_quote": True,
            },
            {
                "text": (
                    "But the Soviet engineers were often racing their own deadlines more than "
                    "they were racing NASA."
                ),
                "speaker": "helena-varga",
                "how": "said in an interview",
                "is_pull_quote": False,
            },
            {
                "text": "The race ended in a docking, not at a finish line.",
                "speaker": "helena-varga",
                "how": "said in an interview",
                "is_pull_quote": False,
            },
        ],
        "related": [
            "sergei-korolev-chief-designer-obituary",
            "first-spacewalk-voskhod-2",
            "apollo-soyuz-handshake",
        ],
    },
    {
        "slug": "shepard-freedom-7",
        "headline": "Fifteen minutes up and down: Alan Shepard’s Freedom 7",
        "standfirst": (
            "America’s first astronaut flew a suborbital arc on 5 May 1961, three weeks after "
            "Gagarin. It was short, very public and a success NASA badly needed."
        ),
        "body": (
            "After hours of holds with him already sealed in the capsule, a Redstone rocket "
            "carried Alan Shepard off the pad at Cape Canaveral on the morning of 5 May 1961. His "
            "Mercury spacecraft, which he had named *Freedom 7*, climbed to about 187 kilometres "
            "before falling back into the Atlantic.\n\n"
            "Unlike Yuri Gagarin’s orbital flight three weeks earlier, Shepard’s was a suborbital "
            "hop: no circuit of the planet, just a high arc lasting 15 minutes and 22 seconds. It "
            "differed from Vostok in another way too. Shepard briefly steered his capsule’s "
            "attitude with a hand controller, testing whether a pilot could actually fly a "
            "spacecraft while weightless.\n\n"
            "The launch was broadcast live, in deliberate contrast with the secrecy of Soviet "
            "flights, and millions followed it on radio and television. The delays produced some "
            "famous improvisation. With no provision for a toilet break, Shepard was allowed to "
            "relieve himself inside his suit, and as the holds dragged on he is reported to have "
            'told controllers: "Why don’t you fix your little problem and light this candle?"\n\n'
            "He splashed down several hundred kilometres downrange and was lifted by helicopter "
            "to the aircraft carrier USS *Lake Champlain*. Twenty days later, President John F. "
            "Kennedy asked Congress to commit the nation to landing a man on the Moon before the "
            "decade was out, a goal set when America’s total experience of human spaceflight "
            "amounted to a quarter of an hour.\n\n"
            "Shepard was later grounded by an inner-ear disorder, had surgery to correct it and "
            "returned as commander of Apollo 14 in 1971, becoming the fifth person to walk on the "
            "Moon."
        ),
        "kind": "news",
        "section": "missions",
        "byline": ["amara-okafor"],
        "people": ["alan-shepard", "yuri-gagarin", "john-f-kennedy"],
        "organizations": ["nasa"],
        "tags": ["Mercury", "space race", "Cape Canaveral", "rocketry"],
        "dateline": "CAPE CANAVERAL",
        "state": "published",
        "days_ago": 10,
        "quotes": [
            {
                "text": "Why don’t you fix your little problem and light this candle?",
                "speaker": "alan-shepard",
                "how": "reported remark to controllers during the countdown delays",
                "is_pull_quote": True,
            },
        ],
        "related": [
            "gagarin-vostok-1-first-orbit",
            "glenn-friendship-7-orbit",
            "apollo-11-moon-landing",
        ],
    },
    {
        "slug": "glenn-friendship-7-orbit",
        "headline": "Three orbits and a heat-shield scare: John Glenn’s Friendship 7",
        "standfirst": (
            "On 20 February 1962 John Glenn became the first American to orbit Earth. A faulty "
            "warning signal made the last minutes of his flight the most nerve-racking."
        ),
        "body": (
            "The launch had been postponed so often in the early weeks of 1962, by weather and by "
            "technical trouble, that some reporters wondered whether it would happen at all. On "
            "20 February an Atlas rocket finally lifted John Glenn’s *Friendship 7* off the pad "
            "at Cape Canaveral, and fellow astronaut Scott Carpenter sent him on his way: "
            '"Godspeed, John Glenn."\n\n'
            'Once in orbit, Glenn’s first report was cheerful: "Zero G and I feel fine." He '
            "described the view, ate from a tube to show that swallowing worked without gravity, "
            "and reported clouds of glowing specks drifting past the window. He called them "
            "fireflies; they turned out to be flakes of frost shed by the capsule.\n\n"
            "Trouble began at the end of the first orbit, when the automatic attitude control "
            "started to misbehave and Glenn took over and flew much of the rest of the mission by "
            "hand. Then a signal on the ground suggested that the heat shield, the only thing "
            "between him and the fierce heat of re-entry, might have come loose.\n\n"
            "## The retropack decision\n\n"
            "Flight controllers decided to keep the retrorocket pack strapped over the shield "
            "during re-entry, in the hope that its straps would hold the shield in place. Glenn "
            "watched burning chunks of it stream past the window. The warning turned out to come "
            "from a faulty sensor; the shield had been secure all along.\n\n"
            "*Friendship 7* splashed down in the Atlantic after 4 hours and 55 minutes and was "
            "hoisted aboard the destroyer USS *Noa*. Glenn became a national hero, later served "
            "24 years in the US Senate and, in 1998, went back to orbit aboard the shuttle "
            "*Discovery* at the age of 77."
        ),
        "kind": "reportage",
        "section": "missions",
        "byline": ["rosa-marin"],
        "people": ["john-glenn", "scott-carpenter"],
        "organizations": ["nasa"],
        "tags": ["Mercury", "space race", "Cape Canaveral", "rocketry"],
        "dateline": "CAPE CANAVERAL",
        "state": "published",
        "days_ago": 12,
        "quotes": [
            {
                "text": "Godspeed, John Glenn.",
                "speaker": "scott-carpenter",
                "how": "radio call from the blockhouse at lift-off",
                "is_pull_quote": True,
            },
            {
                "text": "Zero G and I feel fine.",
                "speaker": "john-glenn",
                "how": "radio report shortly after reaching orbit",
                "is_pull_quote": False,
            },
        ],
        "related": [
            "shepard-freedom-7",
            "gagarin-vostok-1-first-orbit",
            "ed-white-gemini-4-spacewalk",
        ],
    },
    {
        "slug": "ed-white-gemini-4-spacewalk",
        "headline": "Ed White’s walk in the sun: the first American spacewalk",
        "standfirst": (
            "On 3 June 1965, less than three months after Leonov, Gemini 4’s Ed White floated "
            "outside his spacecraft and did not want to come back in."
        ),
        "body": (
            "Gemini 4 launched on 3 June 1965 with James McDivitt in command and Ed White in the "
            "right-hand seat. It was the first American flight run from the new Mission Control "
            "Center in Houston, and its headline event came on the third orbit, when the crew let "
            "the air out of the whole cabin and White opened his hatch.\n\n"
            "Unlike Alexei Leonov, who had used an inflatable airlock, White simply stood up and "
            "pushed off, attached by a gold-wrapped umbilical about 7.6 metres long that fed him "
            "oxygen. In one hand he held a small gas gun that fired jets of compressed oxygen, "
            "letting him steer himself for the first few minutes until its supply ran out.\n\n"
            "White spent a little over 20 minutes outside, drifting across the Pacific and over "
            "the United States while McDivitt took photographs through his window. The pictures "
            "of him hanging above a blue Earth, the sun glinting off his visor, became some of "
            "the most reproduced images of the decade.\n\n"
            "Getting him back in took persuasion. Ground controllers repeatedly asked the crew to "
            "end the excursion, and McDivitt passed the message on. White finally complied with a "
            'line that has been quoted ever since: "It’s the saddest moment of my life." Closing '
            "the hatch turned into a struggle of its own, as it had for Leonov.\n\n"
            "The rest of the four-day mission, then America’s longest, was given over to "
            "experiments. Less than two years later White was killed, along with Gus Grissom and "
            "Roger Chaffee, when fire swept through the Apollo 1 capsule during a launch-pad test "
            "on 27 January 1967."
        ),
        "kind": "news",
        "section": "missions",
        "byline": ["amara-okafor"],
        "people": ["ed-white", "james-mcdivitt", "alexei-leonov"],
        "organizations": ["nasa"],
        "tags": ["spacewalk", "Gemini", "space race", "spacesuits", "Mission Control"],
        "dateline": "HOUSTON",
        "state": "published",
        "days_ago": 15,
        "quotes": [
            {
                "text": "It’s the saddest moment of my life.",
                "speaker": "ed-white",
                "how": "radio exchange as he returned to the cabin",
                "is_pull_quote": True,
            },
        ],
        "related": [
            "first-spacewalk-voskhod-2",
            "spacesuits-explainer",
            "glenn-friendship-7-orbit",
        ],
    },
    {
        "slug": "sergei-korolev-chief-designer-obituary",
        "headline": "Sergei Korolev, the Chief Designer who had no public name, 1907–1966",
        "standfirst": (
            "The engineer behind Sputnik, Gagarin’s flight and the first spacewalk died on 14 "
            "January 1966. Only then did the world learn who he was."
        ),
        "body": (
            "For most of the years in which his rockets astonished the world, Sergei Pavlovich "
            "Korolev was known outside a closed circle only as the Chief Designer. Soviet "
            "newspapers praised anonymous scientists and engineers; his identity was treated as a "
            "state secret. When he died in a Moscow hospital on 14 January 1966, aged 59, after "
            "an operation that went wrong, an official obituary finally put his name and "
            'photograph before the public. TASS described him as "an outstanding scientist and '
            'designer of rocket and space systems".\n\n'
            "Born in 1907 in Zhytomyr, then part of the Russian Empire, he was drawn to aviation "
            "as a teenager and built gliders before turning to rockets in the early 1930s. In "
            "1938, during Stalin’s purges, he was arrested on false charges and sent to the "
            "Kolyma labour camps. He survived, was moved to a prison design bureau, and was "
            "released in 1944.\n\n"
            "After the war he studied captured German V-2 technology, and in 1946 he took charge "
            "of a rocket department that grew into OKB-1. There he led the development of the "
            "R-7, the first intercontinental ballistic missile, which in modified form put "
            "Sputnik into orbit on 4 October 1957 and, three and a half years later, carried Yuri "
            "Gagarin.\n\n"
            "## A demanding chief\n\n"
            "Colleagues remembered relentless energy, a fierce temper and an equally fierce "
            "loyalty to his staff. He pushed through Vostok, the crewed Voskhod flights and the "
            "first spacewalk by Alexei Leonov on punishing schedules, often against the advice of "
            "his own engineers, and he was close to the first cosmonauts.\n\n"
            "His final years were consumed by the N1, the giant rocket meant to carry cosmonauts "
            "to the Moon. He did not live to see it fly; all four launch attempts between 1969 "
            "and 1972 failed, and the Soviet lunar landing effort was abandoned. His ashes were "
            "interred in the Kremlin Wall."
        ),
        "kind": "obituary",
        "section": "profiles",
        "byline": ["tomas-becker"],
        "people": ["sergei-korolev", "yuri-gagarin", "alexei-leonov"],
        "organizations": ["okb-1", "soviet-space-programme", "tass"],
        "tags": ["rocketry", "Vostok", "Voskhod 2", "space race", "history"],
        "dateline": "MOSCOW",
        "state": "published",
        "days_ago": 18,
        "quotes": [
            {
                "text": "an outstanding scientist and designer of rocket and space systems",
                "speaker": "tass",
                "how": "said in the official obituary notice (paraphrased)",
                "is_pull_quote": False,
            },
        ],
        "related": [
            "gagarin-vostok-1-first-orbit",
            "first-spacewalk-voskhod-2",
            "interview-helena-varga-space-race",
        ],
    },
    {
        "slug": "sally-ride-sts-7",
        "headline": "Sally Ride and STS-7: the first American woman in space",
        "standfirst": (
            "When Challenger lifted off on 18 June 1983, a 32-year-old physicist was on board to "
            "run experiments and work the robotic arm. Her flight changed what an astronaut "
            "looked like."
        ),
        "body": (
            "Sally Ride answered a newspaper advertisement. In 1977, as a physics doctoral "
            "student at Stanford University, she read that NASA was recruiting scientists to fly "
            "on its new Space Shuttle and, for the first time, was inviting women to apply. She "
            "was one of six women chosen in the astronaut class of 1978.\n\n"
            "Five years later she flew on STS-7, the seventh shuttle mission and the second for "
            "*Challenger*, under commander Robert Crippen. Launched on 18 June 1983, the "
            "five-person crew deployed two communications satellites and used the Canadian-built "
            "robotic arm to release and then recapture a free-flying research platform, the first "
            "time that had been done. Ride was one of the arm’s main operators.\n\n"
            "The attention before launch was intense and often patronising. Reporters asked "
            "whether she would cry if something went wrong and how spaceflight might affect her "
            "as a woman. She answered patiently and steered the conversation back to the work. "
            'After landing she was more direct about what the flight had meant to her: "I’m sure '
            'it was the most fun that I’ll ever have in my life."\n\n'
            "She was not the first woman in space; Valentina Tereshkova and Svetlana Savitskaya "
            "had flown before her. But at 32 she was then the youngest American to reach orbit, "
            "and her flight opened the door for the many women who followed in the shuttle era."
            "\n\n"
            "Ride flew once more, in 1984, then served on the presidential commission that "
            "investigated the 1986 *Challenger* disaster and, years later, on the board that "
            "examined the loss of *Columbia*. After leaving NASA she taught physics and "
            "co-founded Sally Ride Science to encourage young people, especially girls, to study "
            "science and engineering. She died in 2012."
        ),
        "kind": "feature",
        "section": "profiles",
        "byline": ["rosa-marin"],
        "people": ["sally-ride", "robert-crippen", "valentina-tereshkova", "svetlana-savitskaya"],
        "organizations": ["nasa"],
        "tags": ["women in space", "Space Shuttle", "Kennedy Space Center"],
        "dateline": "KENNEDY SPACE CENTER",
        "state": "published",
        "days_ago": 21,
        "quotes": [
            {
                "text": "I’m sure it was the most fun that I’ll ever have in my life.",
                "speaker": "sally-ride",
                "how": "said at the post-flight press conference",
                "is_pull_quote": True,
            },
        ],
        "related": ["tereshkova-vostok-6-first-woman", "savitskaya-first-woman-spacewalk"],
    },
    {
        "slug": "mir-station-legacy",
        "headline": "Fifteen years in orbit: what Mir taught the world about living in space",
        "standfirst": (
            "The Soviet station whose core module launched in February 1986 outlived the country "
            "that built it. Its fires, collisions and record stays shaped everything that came "
            "after."
        ),
        "body": (
            "The core module of Mir was launched from Baikonur on 20 February 1986. Over the next "
            "ten years six more pieces were added one at a time, turning a single cylinder into a "
            "sprawling outpost of laboratories, solar panels and docking ports pointing in every "
            "direction.\n\n"
            "Mir built on the Salyut stations of the 1970s and early 1980s, but it was designed "
            "from the start to grow and to host long stays. Crews lived aboard almost "
            "continuously for most of its life, and it became the place where medicine learned "
            "what months of weightlessness do to bones, muscles and minds. The physician Valeri "
            "Polyakov spent about 437 days on board in 1994 and 1995, still the longest single "
            "stay in space.\n\n"
            "History moved faster on the ground than in orbit. Sergei Krikalev was aboard when "
            "the Soviet Union dissolved in December 1991; he had launched as a Soviet citizen and "
            "landed, in March 1992, in a different country.\n\n"
            "## Shuttles at the station\n\n"
            "From 1995 American shuttles began docking with Mir, and NASA astronauts took turns "
            "living aboard with Russian crews. The arrangement gave both sides practice before "
            "the International Space Station, and it was not always comfortable: in 1997 a fire "
            "broke out on board, and months later an uncrewed cargo ship collided with the Spektr "
            "module and holed it.\n\n"
            "Those emergencies reinforced a habit the station’s crews had long relied on, summed "
            'up in one blunt rule: "If it breaks, fix it yourself." Mir was steered into the '
            "Pacific on 23 March 2001, but its lessons about repairs, psychology and cooperation "
            "went straight into the ISS."
        ),
        "kind": "analysis",
        "section": "technology",
        "byline": ["tomas-becker"],
        "people": ["valeri-polyakov", "sergei-krikalev"],
        "organizations": ["soviet-space-programme", "roscosmos", "nasa"],
        "tags": ["space station", "Mir", "Soyuz", "docking", "Space Shuttle"],
        "dateline": "",
        "state": "published",
        "days_ago": 24,
        "quotes": [
            {
                "text": "If it breaks, fix it yourself.",
                "speaker": None,
                "how": "informal rule of station life, as summarised by our science editor",
                "is_pull_quote": True,
            },
        ],
        "related": [
            "iss-continuous-crew",
            "apollo-soyuz-handshake",
            "savitskaya-first-woman-spacewalk",
        ],
    },
    {
        "slug": "iss-continuous-crew",
        "headline": "Explainer: how the International Space Station has stayed crewed since 2000",
        "standfirst": (
            "The first piece, Russia’s Zarya module, went up in November 1998. Two years later a "
            "three-person crew moved in, and the station has not been empty since."
        ),
        "body": (
            "**What was the first piece?** The Russian-built, American-funded module *Zarya* was "
            "launched on a Proton rocket from Baikonur on 20 November 1998. About two weeks later "
            "the shuttle *Endeavour* brought up the American connecting node *Unity*, and its "
            "crew joined the two in orbit.\n\n"
            "**When did people move in?** Expedition 1, commander Bill Shepherd of NASA with "
            "cosmonauts Yuri Gidzenko and Sergei Krikalev, launched on a Soyuz from Baikonur on "
            "31 October 2000 and docked on 2 November. Every day since, at least two people have "
            "been living on board, making it the longest continuously inhabited outpost in space."
            "\n\n"
            "**Who runs it?** Five space agencies are the main partners: NASA, Roscosmos, the "
            "European Space Agency, Japan’s JAXA and the Canadian Space Agency. The station is "
            "divided into a US-led segment and a Russian segment, but crews share work, meals and "
            'emergency drills. NASA likes to call it "a laboratory that never closes".\n\n'
            "## How it stays crewed\n\n"
            "Crews usually stay for about six months and hand over in overlapping rotations so "
            "that the station is never left empty. For years Russia’s Soyuz was the only way "
            "there, notably between the shuttle’s retirement in 2011 and the first crewed flights "
            "of commercial American spacecraft in 2020. Cargo arrives on robotic freighters from "
            "several countries.\n\n"
            "**How big is it?** About the length of a football pitch along its main truss, the "
            "station orbits roughly 400 kilometres up and circles Earth about every 90 minutes, "
            "some 16 times a day."
        ),
        "kind": "explainer",
        "section": "technology",
        "byline": ["tomas-becker", "amara-okafor"],
        "people": ["bill-shepherd", "yuri-gidzenko", "sergei-krikalev"],
        "organizations": ["nasa", "roscosmos", "esa", "jaxa"],
        "tags": ["ISS", "space station", "docking", "Soyuz", "Baikonur"],
        "dateline": "",
        "state": "published",
        "days_ago": 27,
        "quotes": [
            {
                "text": "a laboratory that never closes",
                "speaker": "nasa",
                "how": "paraphrasing the agency’s public descriptions of the station",
                "is_pull_quote": False,
            },
        ],
        "related": [
            "mir-station-legacy",
            "apollo-soyuz-handshake",
            "opinion-rivalry-to-partnership",
        ],
    },
    {
        "slug": "yang-liwei-shenzhou-5",
        "headline": "Shenzhou 5: Yang Liwei makes China the third nation to put a person in orbit",
        "standfirst": (
            "On 15 October 2003 a Long March rocket lifted off from the Gobi Desert carrying "
            "China’s first astronaut. He came home about 21 hours later."
        ),
        "body": (
            "At 9 a.m. Beijing time on 15 October 2003, a Long March 2F rocket rose from the "
            "Jiuquan Satellite Launch Center with Yang Liwei, a 38-year-old air force pilot, "
            "aboard the *Shenzhou 5* spacecraft. With the launch, China joined the Soviet Union "
            "and the United States as the only countries to have sent people into orbit on their "
            "own rockets.\n\n"
            "The flight was deliberately cautious. Yang circled Earth 14 times in about 21 hours, "
            "eating, resting and reporting on the spacecraft’s systems. Shenzhou borrows its "
            "general layout, an orbital module, a descent capsule and a service module, from "
            "Russia’s Soyuz, but it was built in China and is somewhat larger.\n\n"
            'Xinhua, the state news agency, relayed his early report from orbit: "I feel good." '
            "Later in the flight he held up the national flag and the flag of the United Nations "
            "for the on-board camera.\n\n"
            "The capsule touched down on the grasslands of Inner Mongolia early on 16 October. "
            "Yang climbed out smiling and waved to the recovery teams, and the programme’s "
            'managers declared the mission "a complete success". Within hours his face was on '
            "front pages across the country.\n\n"
            "The programme, run today by the China Manned Space Agency, advanced steadily after "
            "that: a two-person flight in 2005, a first Chinese spacewalk in 2008 and, "
            "eventually, the three-module Tiangong space station, completed in 2022. Yang himself "
            "went on to a senior role in the programme."
        ),
        "kind": "news",
        "section": "missions",
        "byline": ["rosa-marin"],
        "people": ["yang-liwei"],
        "organizations": ["cmsa", "xinhua", "cnsa"],
        "tags": ["China", "Shenzhou", "rocketry", "space station"],
        "dateline": "JIUQUAN",
        "state": "published",
        "days_ago": 31,
        "quotes": [
            {
                "text": "I feel good.",
                "speaker": "yang-liwei",
                "how": "report from orbit, as relayed by state media",
                "is_pull_quote": True,
            },
            {
                "text": "a complete success",
                "speaker": "cmsa",
                "how": "said in a statement after the landing",
                "is_pull_quote": False,
            },
        ],
        "related": ["gagarin-vostok-1-first-orbit", "iss-continuous-crew"],
    },
    {
        "slug": "savitskaya-first-woman-spacewalk",
        "headline": "Svetlana Savitskaya becomes the first woman to walk in space",
        "standfirst": (
            "On 25 July 1984 a Soviet test pilot stepped outside the Salyut 7 station to cut and "
            "weld metal, less than three months before NASA’s first female spacewalker."
        ),
        "body": (
            "Svetlana Savitskaya was already a record-setter before she reached orbit. A test "
            "pilot and a former world aerobatics champion, she became the second woman in space "
            "in August 1982, nearly two decades after Valentina Tereshkova. On her second flight, "
            "two years later, she made history again.\n\n"
            "On 25 July 1984, during the Soyuz T-12 visit to the Salyut 7 space station, "
            "Savitskaya and commander Vladimir Dzhanibekov opened the hatch and went outside. "
            "Their task was practical: to try out a hand-held electron-beam tool designed to cut, "
            "weld, solder and spray-coat metal samples in vacuum.\n\n"
            "The excursion lasted about three and a half hours. Savitskaya worked the tool while "
            "Dzhanibekov assisted and filmed. The aim was to show that future crews could repair, "
            'or even assemble, structures in orbit. TASS reported that the pair had "fully '
            'completed the programme of work in open space".\n\n'
            "The flight also made her the first woman to go to space twice. Many historians see "
            "the timing as deliberate: NASA was preparing to send Kathryn Sullivan on a spacewalk "
            "from the Space Shuttle that October, and Soviet planners were keen to claim the "
            "milestone first."
        ),
        "kind": "news",
        "section": "missions",
        "byline": ["amara-okafor"],
        "people": ["svetlana-savitskaya", "vladimir-dzhanibekov", "valentina-tereshkova"],
        "organizations": ["soviet-space-programme", "tass", "nasa"],
        "tags": ["women in space", "spacewalk", "space station", "Salyut"],
        "dateline": "MOSCOW",
        "state": "published",
        "days_ago": 35,
        "quotes": [
            {
                "text": "fully completed the programme of work in open space",
                "speaker": "tass",
                "how": "said in its report on the spacewalk (paraphrased)",
                "is_pull_quote": False,
            },
        ],
        "related": [
            "tereshkova-vostok-6-first-woman",
            "sally-ride-sts-7",
            "first-spacewalk-voskhod-2",
        ],
    },
    {
        "slug": "spacesuits-explainer",
        "headline": "Explainer: from Berkut to Orlan, how a spacesuit keeps a person alive",
        "standfirst": (
            "A spacesuit is a spacecraft cut to the shape of a human body. Here is what it has to "
            "do, and why the first spacewalkers found it so hard to move."
        ),
        "body": (
            "**Pressure comes first.** In a vacuum, the gases dissolved in the body’s fluids "
            "begin to come out of solution and a person loses consciousness within seconds. A "
            "suit therefore has to be a sealed balloon of oxygen wrapped around the body. As "
            'NASA’s educational material puts it, a suit is "a one-person spacecraft". That is '
            "where the trouble starts, because a balloon resists being bent.\n\n"
            "**The ballooning problem.** Alexei Leonov discovered this in 1965, when his Berkut "
            "suit stiffened so much in vacuum that he could barely move his fingers. Modern suits "
            "run at a fraction of sea-level pressure, roughly 30 kilopascals for NASA’s EMU and "
            "about 40 for Russia’s Orlan against about 101 at sea level, and use carefully shaped "
            "joints and bearings so that elbows, knees and waists can bend without squeezing the "
            "gas inside.\n\n"
            "**Breathing pure oxygen.** Because suits work at such low pressure, spacewalkers "
            "breathe pure oxygen and must first flush nitrogen from their blood, a routine called "
            "prebreathing, to avoid the bends, the same decompression sickness that threatens "
            "divers.\n\n"
            "## Heat, glare and everything else\n\n"
            "In direct sunlight a suit’s outer layers can get very hot; in Earth’s shadow they "
            "cool quickly. Layers of insulation, an undergarment threaded with thin water-cooling "
            "tubes and a gold-coated visor manage the heat and glare. Ed White’s Gemini suit drew "
            "oxygen from the spacecraft through his umbilical; modern spacewalking suits carry "
            "backpack life-support systems that last through outings of seven hours or more.\n\n"
            "**Two families of suit.** Launch-and-landing suits are a separate design. After the "
            "three-man Soyuz 11 crew died in 1971 when their capsule lost its air during descent, "
            "Soviet and later Russian crews have worn lightweight Sokol pressure suits for every "
            "launch and return. The Orlan, by contrast, is a spacewalking suit that the wearer "
            "enters through a hatch in its back."
        ),
        "kind": "explainer",
        "section": "technology",
        "byline": ["tomas-becker"],
        "people": ["alexei-leonov", "ed-white"],
        "organizations": ["nasa", "roscosmos"],
        "tags": ["spacesuits", "spacewalk", "Voskhod 2", "Gemini", "ISS"],
        "dateline": "",
        "state": "published",
        "days_ago": 40,
        "quotes": [
            {
                "text": "a one-person spacecraft",
                "speaker": "nasa",
                "how": "in the agency’s educational material (paraphrased)",
                "is_pull_quote": False,
            },
        ],
        "related": [
            "first-spacewalk-voskhod-2",
            "ed-white-gemini-4-spacewalk",
            "savitskaya-first-woman-spacewalk",
        ],
    },
    {
        "slug": "opinion-rivalry-to-partnership",
        "headline": "Opinion: the space race was a rivalry, but its best legacy is a partnership",
        "standfirst": (
            "We remember the firsts. We should also remember that the two rivals spent the second "
            "half of the story learning to share a hatch."
        ),
        "body": (
            "It is easy to tell the history of human spaceflight as a scoreboard. The Soviet "
            "Union took the first satellite, the first man, the first woman and the first "
            "spacewalk; the United States took the first crewed rendezvous, the first docking "
            "and, decisively, the Moon. The scoreboard is not wrong. It is just incomplete.\n\n"
            "Consider who shook hands in 1975. Alexei Leonov, who had opened the most dangerous "
            "hatch of the early space age, floated through a different one to greet Thomas "
            "Stafford, an American officer who had spent his career preparing to outdo him. The "
            "two men remained friends for the rest of their lives.\n\n"
            "Leonov had looked down at the planet from outside his spacecraft a decade earlier "
            'and described it in words that are still quoted: "The Earth was small, light blue, '
            'and so touchingly alone." Borders were not visible from there, and the engineers who '
            "followed him gradually built programmes that reflected that view.\n\n"
            "The cooperation that came next was never sentimental. It was driven by budgets, by "
            "politics after 1991 and by the plain engineering fact that large stations are hard "
            "to build alone. But it worked. Since November 2000 the International Space Station "
            "has never been without a crew, and for years its astronauts have reached orbit on "
            "each other’s spacecraft.\n\n"
            "New nations and companies now fly their own crews, and rivalry is back in fashion. "
            "That is no bad thing; competition got people off the planet in the first place. But "
            'if the first decades of spaceflight teach anything, it fits in four words: "Every '
            'hatch is a treaty."'
        ),
        "kind": "opinion",
        "section": "opinion",
        "byline": ["ilse-lindqvist"],
        "people": ["alexei-leonov", "thomas-stafford"],
        "organizations": ["nasa", "roscosmos", "soviet-space-programme"],
        "tags": ["space race", "Cold War", "docking", "ISS", "space station"],
        "dateline": "",
        "state": "published",
        "days_ago": 0,
        "quotes": [
            {
                "text": "The Earth was small, light blue, and so touchingly alone.",
                "speaker": "alexei-leonov",
                "how": "describing the view during his 1965 spacewalk, as widely quoted",
                "is_pull_quote": False,
            },
            {
                "text": "Every hatch is a treaty.",
                "speaker": None,
                "how": "the author’s summing-up",
                "is_pull_quote": True,
            },
        ],
        "related": ["apollo-soyuz-handshake", "iss-continuous-crew", "mir-station-legacy"],
    },
    {
        "slug": "review-orbit-and-return-exhibition",
        "headline": "Review: a touring exhibition that puts the first spacecraft at human scale",
        "standfirst": (
            "Full-size replicas of early capsules and suits make the first years of spaceflight "
            "feel cramped, improvised and very human. The show could say more about the people "
            "who built them."
        ),
        "body": (
            "*Orbit and Return*, a touring exhibition now in its final weeks, has a simple "
            "premise: build full-size replicas of the earliest crewed spacecraft and let visitors "
            "stand next to them. It works better than it sounds. Photographs shrink the Vostok "
            "descent sphere into a neat ball; in person, at about 2.3 metres across, it looks "
            "barely big enough for a pilot in a pressure suit.\n\n"
            "The strongest room pairs a Vostok replica with a Mercury capsule, and the contrast "
            "explains two engineering philosophies at a glance: the heavy Soviet sphere, launched "
            "on a powerful rocket, against the light, cramped American cone built to fit the "
            "smaller boosters of the day.\n\n"
            "A section on suits is just as good, with a copy of the Berkut suit Alexei Leonov "
            "wore on the first spacewalk and a short film explaining how it nearly kept him from "
            "getting back inside.\n\n"
            "Where the show falls short is on people. Sergei Korolev gets a single caption, and "
            "the thousands of engineers, technicians and test subjects who made the flights "
            "possible barely appear. Valentina Tereshkova is given a photograph and a date, but "
            'little sense of who she was. One visitor summed up the experience at the exit: "I '
            'never realised how small they were."\n\n'
            "**Verdict:** worth an hour, especially with children, but bring your own curiosity "
            "about the people inside the capsules."
        ),
        "kind": "review",
        "section": "opinion",
        "byline": ["ilse-lindqvist"],
        "people": ["alexei-leonov", "sergei-korolev", "valentina-tereshkova", "yuri-gagarin"],
        "organizations": [],
        "tags": ["Vostok", "Mercury", "spacesuits", "history"],
        "dateline": "",
        "state": "published",
        "days_ago": 45,
        "quotes": [
            {
                "text": "I never realised how small they were.",
                "speaker": None,
                "how": "a visitor at the exhibition",
                "is_pull_quote": True,
            },
        ],
        "related": ["gagarin-vostok-1-first-orbit", "spacesuits-explainer", "shepard-freedom-7"],
    },
    {
        "slug": "cosmonautics-day-explainer",
        "headline": "Why 12 April is a holiday on the ground and in orbit",
        "standfirst": (
            "Russia’s Cosmonautics Day marks Yuri Gagarin’s flight, the United Nations has "
            "adopted the date, and by coincidence it is also the birthday of the Space Shuttle."
        ),
        "body": (
            "Every year on 12 April, Russia marks Cosmonautics Day in memory of Yuri Gagarin’s "
            "flight aboard Vostok 1 in 1961. The commemoration was established in the Soviet "
            "Union the following year and has outlived the state that created it.\n\n"
            "In 2011, on the 50th anniversary of the flight, the United Nations General Assembly "
            "declared 12 April the International Day of Human Space Flight, a day to celebrate "
            '"the beginning of the space era for mankind". Around the same date, enthusiasts in '
            "dozens of countries hold informal gatherings known as Yuri’s Night.\n\n"
            "The date carries a second anniversary. On 12 April 1981, exactly 20 years after "
            "Gagarin, NASA launched *Columbia* on STS-1, the first Space Shuttle flight, with "
            "John Young and Robert Crippen aboard. The coincidence was not planned: the launch "
            "had been pushed back two days by a computer timing fault.\n\n"
            "At Baikonur, the pad from which Gagarin flew, long known as Gagarin’s Start, was "
            "used for crewed Soyuz launches until 2019, so for almost six decades cosmonauts "
            "began their journeys from the same spot as the first."
        ),
        "kind": "explainer",
        "section": "missions",
        "byline": ["rosa-marin"],
        "people": ["yuri-gagarin", "john-young", "robert-crippen"],
        "organizations": ["united-nations", "roscosmos", "nasa"],
        "tags": ["Cosmonautics Day", "Vostok", "Space Shuttle", "Baikonur", "history"],
        "dateline": "MOSCOW",
        "state": "scheduled",
        "days_ago": 0,
        "quotes": [
            {
                "text": "the beginning of the space era for mankind",
                "speaker": "united-nations",
                "how": "in the 2011 General Assembly resolution",
                "is_pull_quote": False,
            },
        ],
        "related": ["gagarin-vostok-1-first-orbit"],
    },
    {
        "slug": "saturn-v-by-the-numbers",
        "headline": "The Saturn V, by the numbers",
        "standfirst": (
            "The rocket that carried Apollo crews to the Moon flew 13 times between 1967 and "
            "1973. Here is what made it so large, and who built it."
        ),
        "body": (
            "The Saturn V remains one of the most powerful rockets ever flown. Standing about 110 "
            "metres tall, higher than the Statue of Liberty on its pedestal, it was built to send "
            "three astronauts and a lunar module towards the Moon in a single launch.\n\n"
            "Its first stage burned kerosene and liquid oxygen in five F-1 engines, producing "
            "about 34 meganewtons of thrust at lift-off. The second and third stages burned "
            "liquid hydrogen. The third stage was designed to restart in orbit, giving Apollo "
            "crews the push that sent them out of Earth orbit and on towards the Moon.\n\n"
            "Development was led by Wernher von Braun’s team at NASA’s Marshall Space Flight "
            "Center in Alabama, with the stages built by several contractors. Von Braun’s wartime "
            "work on the V-2 missile for Nazi Germany, which was built with forced labour, "
            "remains an uncomfortable part of the rocket’s story.\n\n"
            "Thirteen Saturn Vs flew between 1967 and 1973, all from Kennedy Space Center. Every "
            "one reached space, though not all flights were trouble-free, and the last of them "
            "lifted the Skylab space station into orbit."
        ),
        "kind": "explainer",
        "section": "technology",
        "byline": ["tomas-becker"],
        "people": ["wernher-von-braun"],
        "organizations": ["nasa"],
        "tags": ["Saturn V", "Apollo", "rocketry", "Moon", "Kennedy Space Center"],
        "dateline": "",
        "state": "draft",
        "days_ago": 0,
        "quotes": [],
        "related": ["apollo-11-moon-landing"],
    },
    {
        "slug": "salyut-1-first-space-station",
        "headline": "Salyut 1: the first space station and the crew that never came home",
        "standfirst": (
            "In 1971 the Soviet Union put the world’s first space station into orbit. Its only "
            "resident crew set a record for time in space and died on the way back."
        ),
        "body": (
            "On 19 April 1971 the Soviet Union launched Salyut 1, the world’s first space "
            "station, a cylinder roughly 15 metres long fitted with laboratories, exercise "
            "equipment and a small telescope.\n\n"
            "The first crew sent to it, on Soyuz 10, docked but could not get inside and returned "
            "home. The second, aboard Soyuz 11, was Georgy Dobrovolsky, Vladislav Volkov and "
            "Viktor Patsayev. They boarded in June 1971 and stayed about three weeks, then a "
            "record for time in space.\n\n"
            "On the way home on 30 June, a valve in the descent capsule was jolted open as the "
            "modules separated and the cabin’s air escaped within moments. The three men were not "
            "wearing pressure suits. When the recovery team opened the hatch after an otherwise "
            "normal landing, they found the crew dead.\n\n"
            "The disaster changed Soviet practice. Later crews wore pressure suits for launch and "
            "landing, and the Soyuz was modified to carry them. Salyut 1 itself was brought down "
            "in October 1971, but the Salyut line continued through Salyut 7, whose crews carried "
            "out the first spacewalk by a woman."
        ),
        "kind": "feature",
        "section": "technology",
        "byline": ["rosa-marin"],
        "people": [],
        "organizations": ["soviet-space-programme"],
        "tags": ["space station", "Salyut", "Soyuz", "Cold War"],
        "dateline": "",
        "state": "draft",
        "days_ago": 0,
        "quotes": [],
        "related": ["mir-station-legacy", "savitskaya-first-woman-spacewalk"],
    },
    {
        "slug": "apollo-13-explainer",
        "headline": "Apollo 13: how a crippled spacecraft brought its crew home",
        "standfirst": (
            "An oxygen tank exploded on the way to the Moon in April 1970. What followed was four "
            "days of improvisation between three astronauts and Mission Control."
        ),
        "body": (
            "Apollo 13 launched on 11 April 1970 with Jim Lovell, Jack Swigert and Fred Haise, "
            "bound for the Fra Mauro highlands. Swigert had joined the crew only days earlier, "
            "after the original command module pilot, Ken Mattingly, was exposed to German "
            "measles.\n\n"
            "Nearly 56 hours into the flight, on the evening of 13 April Houston time, an oxygen "
            'tank in the service module exploded. Swigert made the first call: "Okay, Houston, '
            'we’ve had a problem here." Lovell repeated the message moments later.\n\n'
            "The explosion cut the command module *Odyssey*’s supplies of power and oxygen. The "
            "crew moved into the lunar module *Aquarius*, designed to keep two men alive for "
            "about two days, and used it as a lifeboat for the long loop around the Moon.\n\n"
            "In Mission Control, flight director Gene Kranz’s team and many others worked out how "
            "to save power, how to steer with the lunar module’s engine and how to make the "
            "command module’s square carbon dioxide filters fit the lunar module’s round sockets "
            "using materials the crew had on board.\n\n"
            "The crew splashed down safely in the Pacific on 17 April. The flight has often been "
            'called a "successful failure", a mission that missed its goal but proved what a '
            "well-drilled team could do."
        ),
        "kind": "explainer",
        "section": "missions",
        "byline": ["amara-okafor"],
        "people": ["jim-lovell", "jack-swigert", "gene-kranz"],
        "organizations": ["nasa"],
        "tags": ["Apollo", "Moon", "Mission Control"],
        "dateline": "HOUSTON",
        "state": "in_review",
        "days_ago": 0,
        "quotes": [
            {
                "text": "Okay, Houston, we’ve had a problem here.",
                "speaker": "jack-swigert",
                "how": "radio call moments after the explosion",
                "is_pull_quote": True,
            },
            {
                "text": "successful failure",
                "speaker": None,
                "how": "common description of the mission",
                "is_pull_quote": False,
            },
        ],
        "related": ["apollo-11-moon-landing"],
    },
    {
        "slug": "space-shuttle-legacy-analysis",
        "headline": "Thirty years, 135 missions: weighing the Space Shuttle’s legacy",
        "standfirst": (
            "The shuttle built a space station and rescued a telescope. It also fell short of its "
            "promises and cost 14 lives."
        ),
        "body": (
            "The Space Shuttle first flew on 12 April 1981, when John Young and Robert Crippen "
            "took *Columbia* into orbit on STS-1, and last landed on 21 July 2011, when "
            "*Atlantis* returned from STS-135. In between, five orbiters flew 135 missions.\n\n"
            "The shuttle did things no spacecraft had done before. It carried crews of up to "
            "eight, launched and repaired satellites, most famously the Hubble Space Telescope, "
            "and hauled up much of the International Space Station.\n\n"
            "It also fell short of what it promised. It was sold as cheap, frequent, routine "
            "access to space, but it flew far less often and cost far more than planned. And it "
            "killed 14 people: seven aboard *Challenger*, which broke apart shortly after launch "
            "on 28 January 1986, and seven aboard *Columbia*, lost during re-entry on 1 February "
            "2003.\n\n"
            "Both disasters were followed by inquiries that criticised not only the hardware but "
            "also a culture that had learned to live with known risks. Sally Ride served on both. "
            'The historian Helena Varga puts the verdict in a sentence: "The shuttle was a '
            'brilliant machine asked to do too many jobs at once."'
        ),
        "kind": "analysis",
        "section": "opinion",
        "byline": ["tomas-becker", "ilse-lindqvist"],
        "people": ["john-young", "robert-crippen", "sally-ride", "helena-varga"],
        "organizations": ["nasa"],
        "tags": ["Space Shuttle", "Kennedy Space Center", "ISS", "space station"],
        "dateline": "",
        "state": "in_review",
        "days_ago": 0,
        "quotes": [
            {
                "text": "The shuttle was a brilliant machine asked to do too many jobs at once.",
                "speaker": "helena-varga",
                "how": "said in an interview",
                "is_pull_quote": True,
            },
        ],
        "related": ["sally-ride-sts-7", "iss-continuous-crew"],
    },
    {
        "slug": "women-in-space-timeline",
        "headline": "From Tereshkova onwards: a short timeline of women in space",
        "standfirst": (
            "It took 19 years for a second woman to follow Valentina Tereshkova into orbit. After "
            "that, the milestones came faster."
        ),
        "body": (
            "When Valentina Tereshkova returned from orbit in June 1963, few would have guessed "
            "that almost two decades would pass before another woman flew. Here are some of the "
            "milestones since.\n\n"
            "**1963 to 1984.** Tereshkova flew Vostok 6 on 16 June 1963. Svetlana Savitskaya "
            "became the second woman in space in August 1982 and, on 25 July 1984, the first to "
            "walk in space. In between, Sally Ride became the first American woman in space on "
            "STS-7 in June 1983.\n\n"
            "**1984 to 1999.** Kathryn Sullivan made the first spacewalk by an American woman in "
            "October 1984. Eileen Collins became the first woman to pilot a Space Shuttle in 1995 "
            "and the first to command one in 1999.\n\n"
            "**2000s.** Peggy Whitson became the first woman to command the International Space "
            "Station in 2007, and went on to spend more time in space than any other American "
            "astronaut.\n\n"
            "**2012 to 2019.** Liu Yang became China’s first woman in space aboard Shenzhou 9 in "
            "June 2012. In October 2019, NASA astronauts Christina Koch and Jessica Meir carried "
            "out the first all-female spacewalk, outside the ISS."
        ),
        "kind": "explainer",
        "section": "profiles",
        "byline": ["amara-okafor"],
        "people": ["valentina-tereshkova", "svetlana-savitskaya", "sally-ride"],
        "organizations": ["nasa", "soviet-space-programme", "cmsa"],
        "tags": ["women in space", "Vostok", "Space Shuttle", "spacewalk", "ISS"],
        "dateline": "",
        "state": "changes_requested",
        "days_ago": 0,
        "quotes": [],
        "related": [
            "tereshkova-vostok-6-first-woman",
            "sally-ride-sts-7",
            "savitskaya-first-woman-spacewalk",
        ],
    },
]
