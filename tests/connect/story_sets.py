"""Small article sets written for the story tests: (id, date, outlet, title, text, names, dated mentions).

`names` maps a surface form to its entity type (stage 3's output written by
hand, so these tests check stage 4 apart from the reader); `dates` maps a
surface form to its TIMEX3 value.
"""
from __future__ import annotations

QUAKES = [
    ("q1", "2019-03-04", "Reuters", "Magnitude 7.1 earthquake strikes near Kobe",
     "A magnitude 7.1 earthquake struck near the Japanese city of Kobe early on Monday, collapsing buildings and "
     "killing at least 40 people, officials said. Prime Minister Taro Hayashi said rescue teams had been sent to "
     "Hyogo prefecture. The Japan Meteorological Agency warned of strong aftershocks in the coming days. Hundreds "
     "of residents spent the night in school gyms as the city's water supply failed.",
     {"Kobe": "GPE", "Taro Hayashi": "PERSON", "Hyogo": "GPE", "Japan Meteorological Agency": "ORG"}, {}),
    ("q2", "2019-03-06", "NHK", "Death toll from Kobe earthquake rises to 112",
     "Rescuers in Kobe pulled more survivors from collapsed homes on Wednesday as the death toll from Monday's "
     "magnitude 7.1 earthquake rose to 112. Hayashi visited shelters in Hyogo prefecture and promised "
     "emergency funds for rebuilding. The Japan Meteorological Agency said more than 300 aftershocks had been "
     "recorded since the quake.",
     {"Kobe": "GPE", "Hayashi": "PERSON", "Hyogo": "GPE", "Japan Meteorological Agency": "ORG"}, {}),
    ("q3", "2019-04-16", "AP", "Magnitude 7.3 earthquake hits central Chile",
     "A magnitude 7.3 earthquake struck central Chile on Tuesday, toppling homes in Valparaiso and killing at "
     "least 35 people, officials said. President Ana Morales declared a state of catastrophe in the Valparaiso "
     "region and sent rescue teams. The national emergency office Onemi warned of strong aftershocks. Hundreds of "
     "residents slept outdoors as power failed across the coast.",
     {"Chile": "GPE", "Valparaiso": "GPE", "Ana Morales": "PERSON", "Onemi": "ORG"}, {}),
    ("q4", "2019-04-18", "AFP", "Chile quake death toll climbs to 97",
     "Rescue teams in Valparaiso dug through rubble on Thursday as the death toll from Tuesday's earthquake in "
     "central Chile climbed to 97. President Morales visited shelters and promised emergency funds for "
     "rebuilding. Onemi said more than 200 aftershocks had been recorded since the quake.",
     {"Valparaiso": "GPE", "Chile": "GPE", "Morales": "PERSON", "Onemi": "ORG"}, {}),
]

RESIGNATIONS = [
    ("r1", "2015-05-11", "Financial Times", "Halvorsen Foods chief executive Mark Delaney resigns",
     "Mark Delaney resigned as chief executive of Halvorsen Foods on Monday after the company's third profit "
     "warning this year, the board said in a statement. Chairman Peter Quist will lead the company until a "
     "successor is found. Shares in the Chicago-based company fell 9 percent in early trading.",
     {"Mark Delaney": "PERSON", "Halvorsen Foods": "ORG", "Peter Quist": "PERSON", "Chicago": "GPE"}, {}),
    ("r2", "2015-05-12", "Bloomberg", "Investors welcome Delaney exit at Halvorsen",
     "Investors said the departure of Delaney from Halvorsen Foods was overdue, a day after the chief executive "
     "resigned over a string of profit warnings. Quist, the chairman, told analysts the board would hire a new "
     "chief executive within six months. Halvorsen shares rose 3 percent on Tuesday.",
     {"Delaney": "PERSON", "Halvorsen Foods": "ORG", "Quist": "PERSON", "Halvorsen": "ORG"}, {}),
    ("r3", "2015-06-08", "Reuters", "Brightwater Bank CEO Priya Nair steps down",
     "Priya Nair stepped down as chief executive of Brightwater Bank on Monday after regulators criticised the "
     "lender's risk controls, the board said in a statement. Finance director Tom Ellery will lead the bank "
     "until a successor is found. Shares in the Edinburgh-based bank fell 7 percent in early trading.",
     {"Priya Nair": "PERSON", "Brightwater Bank": "ORG", "Tom Ellery": "PERSON", "Edinburgh": "GPE"}, {}),
    ("r4", "2015-06-09", "The Guardian", "Brightwater searches for new chief after Nair exit",
     "Brightwater Bank began searching for a new chief executive on Tuesday, a day after Nair stepped down over "
     "criticism of the lender's risk controls. Ellery, the finance director, told analysts the board would "
     "name a successor within six months. Brightwater shares rose 2 percent.",
     {"Brightwater Bank": "ORG", "Nair": "PERSON", "Ellery": "PERSON", "Brightwater": "ORG"}, {}),
]

SWAP = [
    ("s1", "2022-07-28", "The Washington Post", "US offers Russia a prisoner swap for Brittney Griner and Paul Whelan",
     "The United States has offered to exchange convicted Russian arms dealer Viktor Bout for basketball star "
     "Brittney Griner and former Marine Paul Whelan, Secretary of State Antony Blinken said on Wednesday. Blinken "
     "said he would raise the proposal with Russian Foreign Minister Sergei Lavrov. Griner has been held in "
     "Russia since February, when customs officers at a Moscow airport found cannabis oil in her luggage.",
     {"United States": "GPE", "Viktor Bout": "PERSON", "Brittney Griner": "PERSON", "Paul Whelan": "PERSON",
      "Antony Blinken": "PERSON", "Sergei Lavrov": "PERSON", "Russia": "GPE", "Moscow": "GPE"}, {}),
    ("s2", "2022-11-17", "The Moscow Times", "Moscow accuses Washington of stalling over Griner-Bout exchange",
     "Russia accused the United States on Thursday of dragging out talks on a prisoner exchange that could free "
     "Brittney Griner, the American basketball player serving nine years in a penal colony in Mordovia. Deputy "
     "Foreign Minister Sergei Ryabkov said Washington was ignoring the channels agreed for discussing an exchange "
     "for Viktor Bout. Griner was moved to the colony this month after losing her appeal.",
     {"Russia": "GPE", "United States": "GPE", "Brittney Griner": "PERSON", "Mordovia": "GPE",
      "Sergei Ryabkov": "PERSON", "Washington": "GPE", "Viktor Bout": "PERSON", "Griner": "PERSON"}, {}),
    ("s3", "2022-12-08", "BBC", "Griner freed in exchange for arms dealer Bout",
     "Brittney Griner has been released from a Russian penal colony in exchange for the arms dealer Viktor Bout, "
     "in a swap at an airport in Abu Dhabi, US officials said on Thursday. Paul Whelan, a former Marine held in "
     "Russia since 2018, was not part of the exchange. Secretary of State Antony Blinken said Washington would "
     "keep pressing Moscow for his release.",
     {"Brittney Griner": "PERSON", "Viktor Bout": "PERSON", "Abu Dhabi": "GPE", "Paul Whelan": "PERSON",
      "Russia": "GPE", "Antony Blinken": "PERSON", "Washington": "GPE", "Moscow": "GPE"},
     {"2018": "2018"}),
    ("s4", "2022-12-20", "Reuters", "Putin says more prisoner exchanges with US are possible after Griner swap",
     "President Vladimir Putin said on Tuesday that further prisoner exchanges with the United States were "
     "possible, days after Moscow freed Griner in return for Bout. Foreign Minister Sergey Lavrov said talks on "
     "Whelan, the former Marine, would go on through intelligence channels. The Kremlin said the swap showed "
     "that dialogue was possible despite the war in Ukraine.",
     {"Vladimir Putin": "PERSON", "United States": "GPE", "Moscow": "GPE", "Griner": "PERSON", "Bout": "PERSON",
      "Sergey Lavrov": "PERSON", "Whelan": "PERSON", "Kremlin": "ORG", "Ukraine": "GPE"}, {}),
]

# two corruption trials in one year, in two cities, whose people share surnames but not first names
COURTS = [
    ("c1", "2025-05-02", "AP", "Former county treasurer Thomas Whitfield indicted for embezzlement",
     "A grand jury in Denver indicted former Arapahoe County treasurer Thomas Whitfield on Friday on charges of "
     "stealing $2.1 million in public money through a sham consulting firm, prosecutors said. Whitfield's lawyer, "
     "Rachel Stein, said her client would plead not guilty. Judge Maria Ortiz set a hearing for June.",
     {"Denver": "GPE", "Arapahoe County": "GPE", "Thomas Whitfield": "PERSON", "Whitfield": "PERSON",
      "Rachel Stein": "PERSON", "Maria Ortiz": "PERSON"}, {}),
    ("c2", "2025-09-18", "The Denver Post", "Jury convicts Whitfield of embezzling county funds",
     "A jury in Denver on Thursday convicted Thomas Whitfield of embezzling $2.1 million from Arapahoe County "
     "while he was its treasurer. Stein said the defence would appeal. Judge Ortiz set sentencing for November.",
     {"Denver": "GPE", "Thomas Whitfield": "PERSON", "Arapahoe County": "GPE", "Stein": "PERSON",
      "Ortiz": "PERSON"}, {}),
    ("d1", "2025-08-14", "Reuters", "Cleveland councilman Marcus Bell convicted of taking bribes",
     "A federal jury in Cleveland on Thursday convicted city councilman Marcus Bell of taking $80,000 in bribes "
     "from developer Paul Whitfield in exchange for zoning votes, prosecutors said. Whitfield pleaded guilty "
     "last year and testified against Bell. U.S. District Judge Helen Stein set sentencing for October.",
     {"Cleveland": "GPE", "Marcus Bell": "PERSON", "Paul Whitfield": "PERSON", "Whitfield": "PERSON",
      "Bell": "PERSON", "Helen Stein": "PERSON"}, {}),
    ("d2", "2025-10-30", "The Plain Dealer", "Ex-councilman Bell sentenced to five years for bribery",
     "Former Cleveland city councilman Marcus Bell was sentenced on Thursday to five years in prison for taking "
     "bribes from developer Paul Whitfield. Judge Stein said Bell had betrayed the voters who elected him. "
     "Whitfield is to be sentenced next month.",
     {"Cleveland": "GPE", "Marcus Bell": "PERSON", "Paul Whitfield": "PERSON", "Stein": "PERSON", "Bell": "PERSON",
      "Whitfield": "PERSON"}, {}),
]
