import { describe, expect, it } from 'vitest';
import {
  gerundOf,
  pastOf,
  pastOfParticiple,
  verbForms,
} from '../../../src/corrector/passes/english-verbs.js';
import { withLearnerGrammar } from '../../../src/corrector/passes/learner-grammar.js';
import {
  sentenceOpeningNames,
  withNameSubjectAgreement,
} from '../../../src/corrector/passes/learner-forms.js';

describe('withLearnerGrammar', () => {
  it.each([
    // countability
    ['Could you give me some informations?', 'Could you give me some information?'],
    [
      'The company gave us a lot of usefull advices.',
      'The company gave us a lot of usefull advice.',
    ],
    ['I need to do many homeworks this weekend.', 'I need to do much homework this weekend.'],
    ['How Many Luggages can I take?', 'How Much Luggage can I take?'],
    ['NEW EQUIPMENTS ARRIVED', 'NEW EQUIPMENT ARRIVED'],
    [
      'We saw beautiful sceneries and ate many rices.',
      'We saw beautiful scenery and ate much rice.',
    ],
    // "rices" are varieties of rice: only after a quantity is the plural a slip
    ['New rices were planted in Louisiana.', 'New rices were planted in Louisiana.'],
    // verbs followed by a gerund
    ['My son enjoy to play video games.', 'My son enjoys playing video games.'],
    ['He avoided to answer my question.', 'He avoided answering my question.'],
    ['Would you mind to open the window?', 'Would you mind opening the window?'],
    ['We are considering to move to Lyon.', 'We are considering moving to Lyon.'],
    ['She finished to write the report.', 'She finished writing the report.'],
    // after a modal or "do not", the bare infinitive
    ['She can speaks three languages.', 'She can speak three languages.'],
    [
      "He doesn't knows the answer and he won't goes.",
      "He doesn't know the answer and he won't go.",
    ],
    ['He does not watches TV; he should studies.', 'He does not watch TV; he should study.'],
    // questions: the bare infinitive after "does" and its subject; a modal before its subject
    [
      'What time does the museum opens? Does she likes it? Where I can buy a ticket? The shop is closed at Sundays.',
      'What time does the museum open? Does she like it? Where can I buy a ticket? The shop is closed on Sundays.',
    ],
    // a number in digits after "there is"; a day of a month takes "on"; "I ever seen"
    [
      'There is 30 students here. I was born in 14th March 1996. It is the best film I ever seen.',
      'There are 30 students here. I was born on 14th March 1996. It is the best film I have ever seen.',
    ],
    // a statement about the weather or a fact needs "it"; effort is hard, not hardly; the truth
    [
      'Is raining a lot today. Was snowing all night. Is important to rest. He works very hardly to pay the rent. I will tell you the true about it.',
      'It is raining a lot today. It was snowing all night. It is important to rest. He works very hard to pay the rent. I will tell you the truth about it.',
    ],
    ["My father don't like coffee.", "My father doesn't like coffee."],
    // collocations and uncountable nouns
    [
      'I have to do a decision soon. My hair are too long. We had a big rain. It costed a lot of money.',
      'I have to make a decision soon. My hair is too long. We had a heavy rain. It cost a lot of money.',
    ],
    // prepositions
    [
      'We arrived in the airport. They congratulated me for it. He was late to the meeting. She insisted to pay. He is capable to do it.',
      'We arrived at the airport. They congratulated me on it. He was late for the meeting. She insisted on paying. He is capable of doing it.',
    ],
    // articles
    [
      'I want to be doctor. He is good musician. She is best student here. This is a first time I come. The life is beautiful. It was a really good news. I go to work by a car.',
      'I want to be a doctor. He is a good musician. She is the best student here. This is the first time I have come. Life is beautiful. It was really good news. I go to work by car.',
    ],
    [
      'I was in charge of organize events. I speak a little of French.',
      'I was in charge of organizing events. I speak a little French.',
    ],
    [
      'My grandfather died when I have ten years. When I arrived to home, it was late.',
      'My grandfather died when I was ten years old. When I arrived home, it was late.',
    ],
    [
      'Technology make our life easier. I think that money change people.',
      'Technology makes our life easier. I think that money changes people.',
    ],
    // an essay's slips: "more easy", "must to", "the most of", "because of many reasons", "let them
    // to", "asked me if I can"
    [
      'Technology makes our life more easy. We must to consider it. Pollution is a problem in the most of cities and for the most of us. I agree because of many reasons. Parents let their children to play. He asked me if I can help.',
      'Technology makes our life easier. We must consider it. Pollution is a problem in most cities and for most of us. I agree for many reasons. Parents let their children play. He asked me if I could help.',
    ],
    // a noun for a verb and back, "good" for "well", a party's "at", money spent "on"
    [
      'I want to succeed. I need to success. It was a good advise. She sings very good. I met my wife in a party. I spend a lot of money for clothes.',
      'I want to succeed. I need to succeed. It was a good advice. She sings very well. I met my wife at a party. I spend a lot of money on clothes.',
    ],
    // words spelt right for the wrong word
    [
      "It was to expensive and we're to tired. I don't know weather I can come.",
      "It was too expensive and we're too tired. I don't know whether I can come.",
    ],
    // two people joined by "and" take a plural verb
    [
      'My brother and my sister was at home. My friend and I was late. My mother and father is kind.',
      'My brother and my sister were at home. My friend and I were late. My mother and father are kind.',
    ],
    // "doesn't" after any subject, a name or a noun
    [
      "Dmitri doesn't likes coffee, and the price doesn't includes VAT.",
      "Dmitri doesn't like coffee, and the price doesn't include VAT.",
    ],
    // prepositions
    [
      'I like to listen music and listened the radio.',
      'I like to listen to music and listened to the radio.',
    ],
    [
      'Please wait me; we waited them for an hour.',
      'Please wait for me; we waited for them for an hour.',
    ],
    [
      'It depends of the weather and is dependent from oil.',
      'It depends on the weather and is dependent on oil.',
    ],
    [
      'I am interested about art and afraid from dogs.',
      'I am interested in art and afraid of dogs.',
    ],
    ["We returned back home. Let's to go.", "We returned home. Let's go."],
    [
      'My sister has 20 years old; I have twenty-one years old.',
      'My sister is 20 years old; I am twenty-one years old.',
    ],
    // "agree" is a verb
    ['I am agree with you.', 'I agree with you.'],
    ["She's not agree and we are disagree.", 'She does not agree and we disagree.'],
    // make and let with an object take the bare infinitive
    ['My manager made me to work on Saturday.', 'My manager made me work on Saturday.'],
    ['Our teacher let us to use dictionaries.', 'Our teacher let us use dictionaries.'],
    // "be used to" a habit takes the gerund
    ["I'm used to drive on the left.", "I'm used to driving on the left."],
    ['We are used to get up early.', 'We are used to getting up early.'],
    // collocations
    ['I did many mistakes.', 'I made many mistakes.'],
    ['I did a lot of mistakes in my first week.', 'I made a lot of mistakes in my first week.'],
    ['We have to do a decision today.', 'We have to make a decision today.'],
    ['I make my homework after dinner.', 'I do my homework after dinner.'],
    ['She has made sport every day.', 'She has done sport every day.'],
    ['We made a photo together.', 'We took a photo together.'],
    ['Can you say me the time?', 'Can you tell me the time?'],
    ['He said us to wait.', 'He told us to wait.'],
    ['I lost the bus this morning.', 'I missed the bus this morning.'],
    ['Could you borrow me your pen?', 'Could you lend me your pen?'],
    ['Please open the light.', 'Please turn on the light.'],
    ['She closed the TV and went to bed.', 'She turned off the TV and went to bed.'],
    [
      'There was strong rain and a big pleasure to see you.',
      'There was heavy rain and a great pleasure to see you.',
    ],
    ['Can you explain me how it works?', 'Can you explain to me how it works?'],
    ['We discussed about the budget.', 'We discussed the budget.'],
    ['I live in Oslo since two years.', 'I have lived in Oslo for two years.'],
    [
      'He waits since two hours; I met her since two years ago.',
      'He has waited for two hours; I met her since two years ago.',
    ],
    [
      'It takes him long to do a decision about it.',
      'It takes him long to make a decision about it.',
    ],
    ['We made a lot of photos of the bridge.', 'We took a lot of photos of the bridge.'],
    ['Could you make me a favour?', 'Could you do me a favour?'],
    [
      "Let's do a break; we did a walk and did a party.",
      "Let's take a break; we took a walk and had a party.",
    ],
    [
      'You should make attention. He made a crime.',
      'You should pay attention. He committed a crime.',
    ],
    [
      'Can I make you a question? I will make an exam.',
      'Can I ask you a question? I will take an exam.',
    ],
    ['I did a promise and made a diet.', 'I made a promise and went on a diet.'],
    // numbers before what they count, and "a few" for "a little"
    [
      'There were more than a hundred of people. The city has two hundreds thousand inhabitants. I have three thousands euros but only a few money left.',
      'There were more than a hundred people. The city has two hundred thousand inhabitants. I have three thousand euros but only a little money left.',
    ],
    // he or she and an adverb of frequency; a modal before a past; "enough" after its adjective
    [
      'She always help other students and he never eat meat, but it only need a minute. We could not went out. The transport is not enough good.',
      'She always helps other students and he never eats meat, but it only needs a minute. We could not go out. The transport is not good enough.',
    ],
    // set phrases and forms from a probe of learners of many first languages
    [
      'She very like to read. I am study English now. We discussed it for long time. I think it will be rain. The price of the house is very expensive. We had fun in the party. The man which lives next door is a doctor. It is a five stars hotel. We must protect the nature. I want to buy a new clothes. I was very surprising when I heard.',
      'She really likes to read. I am studying English now. We discussed it for a long time. I think it will rain. The price of the house is very high. We had fun at the party. The man who lives next door is a doctor. It is a five-star hotel. We must protect nature. I want to buy new clothes. I was very surprised when I heard.',
    ],
    // word choice and set phrases
    [
      'He wins a lot of money in his new job. I listened a strange noise. We had a very funny time. We have the dinner at seven. He lives in the France. What means this word? If I was you, I would go. He has a big experience in marketing. It is the more interesting book I have ever read. It is the more expensive restaurant in town.',
      'He earns a lot of money in his new job. I heard a strange noise. We had a very fun time. We have dinner at seven. He lives in France. What does this word mean? If I were you, I would go. He has a lot of experience in marketing. It is the most interesting book I have ever read. It is the most expensive restaurant in town.',
    ],
    // quantities, comparisons and negation
    [
      "I stayed at home all the day. I go three times in a week. All of people like it. She is the same age with me. There is no enough time. The most part of the students passed. I have a friend who his father is a pilot. I know him for ten years. Nobody didn't come.",
      'I stayed at home all day. I go three times a week. All of the people like it. She is the same age as me. There is not enough time. Most of the students passed. I have a friend whose father is a pilot. I have known him for ten years. Nobody came.',
    ],
    // the second clause of a sentence
    [
      "Last summer I go to Italy and we visit many places. The people are friendly and they always helps tourists. I didn't know that you was in London. I want to study in abroad.",
      "Last summer I went to Italy and we visited many places. The people are friendly and they always help tourists. I didn't know that you were in London. I want to study abroad.",
    ],
    // words that sound alike
    [
      'The hotel was quiet expensive. The new rules will effect all employees. Smoking has a bad affect on health. Your right, we should go.',
      "The hotel was quite expensive. The new rules will affect all employees. Smoking has a bad effect on health. You're right, we should go.",
    ],
    // a singular countable noun's missing article
    [
      'She bought new car last month. Can I ask you question? There is problem with it. He is very good student. I want to buy computer for my son.',
      'She bought a new car last month. Can I ask you a question? There is a problem with it. He is a very good student. I want to buy a computer for my son.',
    ],
    // letters and e-mails
    [
      'I would be grateful if you can send me details. I have a great interest for this position. I am available in any time. The box arrived and some items was missing.',
      'I would be grateful if you could send me details. I have a great interest in this position. I am available at any time. The box arrived and some items were missing.',
    ],
    // a clause without "it" or "be", and set phrases
    [
      'We stayed home because was raining. He a good teacher. My mother very happy when we visit. My children very tired. My boss very strict. They very busy. How it is called in English? I go to the bed at eleven. Please answer to my email. It was a very nice weather yesterday.',
      'We stayed home because it was raining. He is a good teacher. My mother is very happy when we visit. My children are very tired. My boss is very strict. They are very busy. What is it called in English? I go to bed at eleven. Please answer my email. It was very nice weather yesterday.',
    ],
    [
      'Its important to rest. I think its a nice day and its not raining.',
      "It's important to rest. I think it's a nice day and it's not raining.",
    ],
  ])('%s', (text, expected) => {
    expect(withLearnerGrammar(text)).toBe(expected);
  });

  it('leaves what is right in some reading', () => {
    for (const text of [
      'She researches how the evidence evidences bias.',
      'The hotel offers accommodations for many guests.',
      "It does not always work, and the app doesn't process images or focus on sales.",
      'My son and heir is here.',
      'A fool and his money are soon parted. If the money were invested, fine. We had a big snow. The project was costed at a million.',
      'He was living at Packwood. We arrived in the city. I was late to work.',
      "He is manager of the team and was manager and troubleshooter. Ann's assistant is here. He is best known for it; it is best to wait. The life of a soldier is hard. He was hit by a car.",
      'Health and education have their beginning in the home. Music lovers enjoy the show.',
      "He was to blame. It was moved from Carleton's to Young's. We get to hard-to-reach places. The weather is nice; we will weather the storm.",
      'Hard work is the key to success. Please advise me. They do good. It looks good. We play good music. I was in a meeting.',
      'Make the most of it. They made the decision to leave and let the flat to students. It is more productive as well as more safe.',
      'Is it raining? Is raining a problem here? Was cold to his advances. The true story; the true, and the beautiful.',
      'He works hardly ever. She tried hardly anything. He has worked hardly three days this month.',
      'There is 1 student here. I was born in March 1996. The best food I ever tasted.',
      'Have you ever seen it? You ever been to San Francisco?',
      'I think the part that does it is this line. Where I can buy one, I do not know.',
      "We met at Monday's meeting. Does the bus pass here?",
      'Our informationsystem and homeworkshop are down.',
      'Keep in mind to bring your passport.',
      'A hundred of them came. The company spent $200 million of its reserves. Half a million of the votes. Thousands of people came. We submit 2-5 thousands of them.',
      'There were a few coffee shops and a few water bottles. A few of the students were late.',
      'How is it called from the main thread? He went to the bed and sat down. The dog answers to the name of Max. The answer to your question is no. You answer to the board.',
      'My mother very much enjoyed it. They very nearly missed the train. When it is sunny, we walk. He came home and was cold.',
      'Does she always help? Why does he never call? I insist that she always arrive on time. She always read the paper. He just lay back. Work for it just send an email.',
      'They would had no disaster befallen them. His will came as a surprise. May saw record sales. We need enough good players.',
      'There will be rain tomorrow. It will be raining soon. We had a great time at the party. The company, which employs 200 people, grows. A peace with her neighbors which would last. We waited two hours for it. The nature of the problem. She bought a new clothes shop.',
      'He won a lot of money in the lottery. It was a funny time to be alive. She grew up in the France of the 1960s. The Germany team won. The China and Indian seas. If I was wrong, I apologise. He has a great experience in sales. What means are there? They had the dinner that I cooked. It was the more expensive of the two.',
      'He did the same with his money. I know who his father is. He is the man who his colleagues trust. We worked all the day long. All the day-job refugees. They know you for what you did. All of them came.',
      "The only way I could beat you was to wait. The proclamation laid before you was issued. Whoever beats you always wins. 'Thank you' was all he said. They always read the news.",
      'A quiet old man lives here. We want to effect change. They will effect the transfer. Your right to vote matters. The solution of the equation. An increase of taxes.',
      'There is room for improvement. I bought a much needed new car. They found the wanted car. We need car insurance. I want to buy computer games.',
      'Two years was enough. Some news was good. The use of those products was safe. A bill to carry out these recommendations was passed. We met in any time zone. He has an interest for life.',
      "He is a long-time friend. They are work colleagues. We are live from the stadium. He's come home. The book is read by millions. We are study partners. I know I am very annoying. She was very surprising her friends. After long time-outs, play resumed.",
      'He is considered to be the best. It is hard to imagine.',
      'The meeting was postponed to next week; smoking is a risk to health.',
      'We enjoyed it to the end and made it to the final.',
      'This tool is used to cut paper, and they are used to it.',
      'I used to eat meat. We enjoy to the fullest.',
      'He made them to the airport on time.',
      'They make sports cars and do progress reports; we make exercise books.',
      'I have a strong smell of coffee and a big house. She said her name.',
      'He lost a lot of money and closed the door. I borrowed her car.',
      'She has lived here since 2019, since two years ago.',
      'We must make up our minds to save all; it boggles my mind to think of it.',
      'The fabrics have a finish to resist soil; it was finished to perfection.',
      "It is cumbersome compared to what I'm used to from my cable. We are used to better service.",
      'We discussed the topic; a discussion about it followed.',
      'Its ability to adapt is its important role. Its main office is open.',
      'Teachers make questions for exams and make a break for it.',
      'Representing as it did the efforts of only a few, it did not make a break in the day.',
      'Have, throw, or make a party.',
      'You can pass this; we will focus on it. He does the dishes and they do sports.',
      'Cars can cross this bridge. Only the news can tell. This does not always happen.',
      'They are in agreement; I agree; she agrees.',
      'Listen carefully; listen up. I waited tables and waited an hour. It is independent of oil.',
      'He listened a moment, then the whole time. I am interested on the legislative side.',
      'They were interested for many years; they can wait us out.',
      'I have 20 years of experience; a people is a nation. We returned the book.',
      'Should bugs be reported? Will computers help? The will stipulates that we must ourselves act.',
      'The fact that they didn’t suggests a lot. He does the dishes.',
    ]) {
      expect(withLearnerGrammar(text)).toBe(text);
    }
  });

  it('spells the gerund', () => {
    expect(
      ['play', 'write', 'swim', 'visit', 'lie', 'see', 'be', 'fix', 'open', 'get'].map(gerundOf),
    ).toEqual([
      'playing',
      'writing',
      'swimming',
      'visiting',
      'lying',
      'seeing',
      'being',
      'fixing',
      'opening',
      'getting',
    ]);
  });

  it('inflects verbs, irregular, doubling and phrasal ones included', () => {
    expect(verbForms('commit')).toEqual([
      'commit',
      'commits',
      'committed',
      'committing',
      'committed',
    ]);
    expect(verbForms('make')).toEqual(['make', 'makes', 'made', 'making', 'made']);
    expect(verbForms('miss')).toEqual(['miss', 'misses', 'missed', 'missing', 'missed']);
    expect(verbForms('go on')).toEqual(['go on', 'goes on', 'went on', 'going on', 'gone on']);
    expect(['prefer', 'stop', 'study', 'visit'].map(pastOf)).toEqual([
      'preferred',
      'stopped',
      'studied',
      'visited',
    ]);
    expect(['eaten', 'finished', 'been', 'need'].map(pastOfParticiple)).toEqual([
      'ate',
      'finished',
      undefined,
      undefined,
    ]);
  });
});

describe('withLearnerGrammar: word order, tense and articles', () => {
  it.each([
    // indirect questions keep the statement's order
    ['Can you tell me where is the library?', 'Can you tell me where the library is?'],
    [
      'Everybody knows how expensive is it to live here.',
      'Everybody knows how expensive it is to live here.',
    ],
    [
      'I would like to know when will the interview take place.',
      'I would like to know when the interview will take place.',
    ],
    ['She asked me where did I buy my bag.', 'She asked me where I bought my bag.'],
    [
      'Could you tell me what time does the museum open?',
      'Could you tell me what time the museum opens?',
    ],
    ['Please tell me if can I bring a friend.', 'Please tell me if I can bring a friend.'],
    // adverbs of frequency and manner
    [
      'Always I drink coffee. Never I have seen it.',
      'I always drink coffee. Never have I seen it.',
    ],
    ['Always she had had the key.', 'She had always had the key.'],
    ['My sister always is complaining.', 'My sister is always complaining.'],
    [
      'They have also a house and we visited also the town.',
      'They also have a house and we also visited the town.',
    ],
    ['I go rarely to the gym.', 'I rarely go to the gym.'],
    [
      'She speaks very well English and plays very well the violin.',
      'She speaks English very well and plays the violin very well.',
    ],
    ['He has worked here for ten years almost.', 'He has worked here for almost ten years.'],
    // tense
    ['I live in Chicago since 2015.', 'I have lived in Chicago since 2015.'],
    ['She studies French since January.', 'She has studied French since January.'],
    ['I am sick since Monday.', 'I have been sick since Monday.'],
    ['I am knowing him since we were children.', 'I have known him since we were children.'],
    [
      'My brother is living in Berlin since 2019. My parents live in Rome since 2010.',
      'My brother has been living in Berlin since 2019. My parents have lived in Rome since 2010.',
    ],
    ['I have graduated from high school in 2018.', 'I graduated from high school in 2018.'],
    ['My brother has got married last month.', 'My brother got married last month.'],
    ['Yesterday I have downloaded a game.', 'Yesterday I downloaded a game.'],
    ['I will call you when I will arrive.', 'I will call you when I arrive.'],
    ['We are going to travel if it will be sunny.', 'We are going to travel if it is sunny.'],
    [
      'If I would have more time, I would learn Japanese.',
      'If I had more time, I would learn Japanese.',
    ],
    [
      'I have never ate sushi; the wheels had began to turn.',
      'I have never eaten sushi; the wheels had begun to turn.',
    ],
    // articles
    ['It is one of biggest problems.', 'It is one of the biggest problems.'],
    ['The Nile is a longest river.', 'The Nile is the longest river.'],
    ['Last year I went to United States.', 'Last year I went to the United States.'],
    ['I play the football and he plays a piano.', 'I play football and he plays the piano.'],
    [
      'He always says truth, especially in evening.',
      'He always says the truth, especially in the evening.',
    ],
    // the collocation rule keeps the -ing form after "is"
    ['Aisha is making her homework.', 'Aisha is doing her homework.'],
  ])('%s', (text, expected) => {
    expect(withLearnerGrammar(text)).toBe(expected);
  });

  it('leaves what is right in some reading', () => {
    for (const text of [
      'I know what is happening. Where is the library? I know where the library is located now.',
      'I wonder, where is the key? Tell me, when will you come?',
      'Sometimes I go there. We ought never to forget it; he resolved never to drink.',
      'He was also a great man, and she knew also that it rained.',
      'It was a most unfortunate event, and it is a worst-case plan.',
      'We have made great progress in the last year; no change has taken place this last year.',
      'We should have built it in 1990, and he would have seen it yesterday.',
      'The time will come when it will be the true policy. I will see if he will come.',
      'I will ask him whether they will agree.',
      'If you would like to come, you would be welcome.',
      'He bought United States bonds in USA Today. Carl was playing a guitar.',
      'It is the best year since 2015; he is the first president since 1990.',
      'She has lived here since 2019. I have known him since 2010.',
      'My brother is happy since he won. We met my brother in Berlin.',
      'It is the most safe and effective way; the most safe, just and federal; the Most High.',
      'It creates the most new jobs; she is the most happy when she sings; most happy to help.',
      'The many peoples of the world.',
      'They recommended him to the board. How long do you work each day? We have meeting rooms.',
      'It is dark during hours of the night. It was the opposite of what we thought.',
      'We stayed in home care.',
      'I waited by the bus. Go to the shop by the bus stop. She is better in math than in history.',
      'He saw a lot of works of art. Its very name is strange.',
      'I am staying here for two days. I was told that he left. We stayed at the home of a friend.',
      'Neither party should delay or obstruct the bill. Prices appreciate.',
      'We have a saw; I have never been there; they had beat the record.',
    ]) {
      expect(withLearnerGrammar(text)).toBe(text);
    }
  });
});

describe('withLearnerGrammar: noun number, agreement, verb forms and fixed phrases', () => {
  it.each([
    // a person named with "my" or a title, then a verb: the third person
    [
      'My colleague Mr. Tanaka always arrive early. When my father come home, we eat.',
      'My colleague Mr. Tanaka always arrives early. When my father comes home, we eat.',
    ],
    [
      'My friend Ahmed study medicine, but Dr. Okafor teach us.',
      'My friend Ahmed studies medicine, but Dr. Okafor teaches us.',
    ],
    // not a compound subject, a noun before a verb, or a verb whose past is its base
    ['My sister and my brother live in Rome.', 'My sister and my brother live in Rome.'],
    [
      'My dog walk is at six. My father put the box down.',
      'My dog walk is at six. My father put the box down.',
    ],
    // a singular noun phrase before "have", "are", "do"; not a collective noun, nor "if ... were"
    [
      'The hotel have many problems. This car are old, but the team are happy.',
      'The hotel has many problems. This car is old, but the team are happy.',
    ],
    ['It was as if the man were calling.', 'It was as if the man were calling.'],
    // "who" after people in the plural; not after "one of", nor after years
    ['There are students who wants to leave.', 'There are students who want to leave.'],
    [
      'One of my friends who lives in Paris called.',
      'One of my friends who lives in Paris called.',
    ],
    ['I am the first in 40 years who knows it.', 'I am the first in 40 years who knows it.'],
    [
      'We had to write two essay and three article.',
      'We had to write two essays and three articles.',
    ],
    ["There's lots of room for more drivers.", "There's lots of room for more drivers."],
    // a person feels, a thing causes; not a feeling someone is doing to someone
    [
      "I am boring at my job. I'm very exciting for the trip. The lesson was so bored.",
      "I am bored at my job. I'm very excited for the trip. The lesson was so boring.",
    ],
    ["I'm worrying about it. I am boring you.", "I'm worrying about it. I am boring you."],
    // verbs and their objects and prepositions
    [
      'My boss said me that she is married with a man from Oslo.',
      'My boss told me that she is married to a man from Oslo.',
    ],
    ['She is married with two children.', 'She is married with two children.'],
    [
      "I'm interested on doing research. He must to finish. They entered to the room.",
      "I'm interested in doing research. He must finish. They entered the room.",
    ],
    [
      'We will do all we can to help. I am interested on the legal side.',
      'We will do all we can to help. I am interested on the legal side.',
    ],
    // textbook slips, each where it is never English
    [
      "He don't like it. We went to home early. Despite of the rain, can you borrow me a pen?",
      "He doesn't like it. We went home early. Despite the rain, can you lend me a pen?",
    ],
    [
      'It was happened when he mentioned about the plan. Thank you for you help.',
      'It happened when he mentioned the plan. Thank you for your help.',
    ],
    [
      'Returning to home problems, in despite of all that, I can borrow them.',
      'Returning to home problems, in despite of all that, I can borrow them.',
    ],
    // the Internet, but not a name or a noun's modifier
    [
      'I found it on internet. Internet has changed our lives.',
      'I found it on the Internet. The Internet has changed our lives.',
    ],
    [
      'He is an expert in internet marketing and Internet Explorer.',
      'He is an expert in internet marketing and Internet Explorer.',
    ],
    [
      'We waited three hour in Frankfurt and I have two brother and one sister.',
      'We waited three hours in Frankfurt and I have two brothers and one sister.',
    ],
    [
      'There are many reason why. One of my classmate is here.',
      'There are many reasons why. One of my classmates is here.',
    ],
    [
      'We need two more volunteer for the festival.',
      'We need two more volunteers for the festival.',
    ],
    ['The childrens were playing.', 'The children were playing.'],
    [
      'There are too much cars and less people than I have much money.',
      'There are too many cars and fewer people than I have much money.',
    ],
    ["I don't have many money.", "I don't have much money."],
    ['He gave me a useful information.', 'He gave me useful information.'],
    [
      'I spent a lot of moneys and thank you for all the helps.',
      'I spent a lot of money and thank you for all the help.',
    ],
    ['There is many students here.', 'There are many students here.'],
    [
      'Everyone know that. Each of these arguments have weak points.',
      'Everyone knows that. Each of these arguments has weak points.',
    ],
    ['Everybody in my family like football.', 'Everybody in my family likes football.'],
    [
      'I am looking forward to hear from you. Thank you for give me this chance.',
      'I am looking forward to hearing from you. Thank you for giving me this chance.',
    ],
    ['I am not used to get up early.', 'I am not used to getting up early.'],
    ['We are going to visiting our grandparents.', 'We are going to visit our grandparents.'],
    [
      'I would like you to replace the item; I want you to replacing it.',
      'I would like you to replace the item; I want you to replace it.',
    ],
    [
      'It is difficult find a hotel. It is necessary reducing the use of plastic.',
      'It is difficult to find a hotel. It is necessary to reduce the use of plastic.',
    ],
    ['The bridge was build in 1890.', 'The bridge was built in 1890.'],
    ['My father wants that I become a doctor.', 'My father wants me to become a doctor.'],
    [
      'I will send it in Monday morning. I was born on 1998.',
      'I will send it on Monday morning. I was born in 1998.',
    ],
    [
      "I'm going to Japan in next month and we stayed during five days.",
      "I'm going to Japan next month and we stayed for five days.",
    ],
    [
      'In the other hand, my flat is near from the university.',
      'On the other hand, my flat is near the university.',
    ],
    [
      'Congratulations for your job! I was angry on my brother.',
      'Congratulations on your job! I was angry with my brother.',
    ],
    [
      'I found it in the website. I have been waiting your answer.',
      'I found it on the website. I have been waiting for your answer.',
    ],
    ["I'll call you when I arrive at home.", "I'll call you when I arrive home."],
    [
      "I'm going to learn him how to drive. I will remember you to bring it.",
      "I'm going to teach him how to drive. I will remind you to bring it.",
    ],
    [
      'My hobby is to look films. We need a solution fastly. My English is not very well.',
      'My hobby is to watch films. We need a solution quickly. My English is not very good.',
    ],
    // agreement with a plural subject that opens the sentence
    [
      'My parents lives here. The students has to go.',
      'My parents live here. The students have to go.',
    ],
    [
      'I like this shoes but this days they are expensive.',
      'I like these shoes but these days they are expensive.',
    ],
    [
      'I worked as engineer. It is hard to find job.',
      'I worked as an engineer. It is hard to find a job.',
    ],
    [
      'Technology changes our lifes. I spend my free times with long blond hairs.',
      'Technology changes our lives. I spend my free time with long blond hair.',
    ],
    // tense beside a finished time
    [
      'Last weekend we go to the beach and swim all day.',
      'Last weekend we went to the beach and swam all day.',
    ],
    [
      'When we arrived at the airport, the plane already left.',
      'When we arrived at the airport, the plane had already left.',
    ],
    // collocations
    [
      'You have to do an effort and make more attention.',
      'You have to make an effort and pay more attention.',
    ],
    ['He said a lie and always says jokes.', 'He told a lie and always tells jokes.'],
    [
      'I drink my pills, take good marks and passed a lot of time there.',
      'I take my pills, get good marks and spent a lot of time there.',
    ],
    [
      'We did a walk along the river and did a trip to Rome.',
      'We took a walk along the river and took a trip to Rome.',
    ],
    [
      'The mayor did a long speech; we can take the conclusion.',
      'The mayor gave a long speech; we can draw the conclusion.',
    ],
    ['I always commit the same mistakes.', 'I always make the same mistakes.'],
    // textbook families not taken from the OOD sets
    [
      "I didn't went there. Did you saw him? I want to went home.",
      "I didn't go there. Did you see him? I want to go home.",
    ],
    [
      'It is more easier, the most biggest, more big than mine.',
      'It is easier, the biggest, bigger than mine.',
    ],
    [
      'He is the most smart student in our class, and the most thin of us.',
      'He is the smartest student in our class, and the thinnest of us.',
    ],
    [
      "I don't know nothing and we didn't see nobody.",
      "I don't know anything and we didn't see anybody.",
    ],
    [
      'I go there every days; each students has one; the childs and womans.',
      'I go there every day; each student has one; the children and women.',
    ],
    [
      'I came here for to study. I can able to swim. The same like mine, different of yours.',
      'I came here to study. I can swim. The same as mine, different from yours.',
    ],
    [
      'Are you agree? I am born in 1990. How about to go out? I met him before two years.',
      'Do you agree? I was born in 1990. How about going out? I met him two years ago.',
    ],
    [
      'My grandfather has 85 years but he walks. I have 25 years.',
      'My grandfather is 85 years old but he walks. I am 25 years old.',
    ],
    // a plural subject with a place after it, before be, have or do
    [
      'The people in Lisbon is friendly. The students in my class has a test.',
      'The people in Lisbon are friendly. The students in my class have a test.',
    ],
    // verbs of perception, let and make take the bare infinitive; gerund verbs
    [
      'Let their children spending time. I saw a man to steal it. I suggest to buy a router.',
      'Let their children spend time. I saw a man steal it. I suggest buying a router.',
    ],
    // prepositions of places, pains and floors
    [
      'We arrived to Barcelona and arrived to the hotel. I had pain on my stomach.',
      'We arrived in Barcelona and arrived at the hotel. I had pain in my stomach.',
    ],
    [
      'My flat is at the fifth floor. I am interested for this job. We go to abroad.',
      'My flat is on the fifth floor. I am interested in this job. We go abroad.',
    ],
    // countable nouns after "all my" and "there were no"; mass uses of countable ones
    [
      'All my friend use it. There were no towel. I have an experience in teaching.',
      'All my friends use it. There were no towels. I have experience in teaching.',
    ],
    [
      'She is studying the computer science. I took train from Paris. He gave me a good advice about it.',
      'She is studying computer science. I took the train from Paris. He gave me good advice about it.',
    ],
    // agreement: the nearer subject, indefinite pronouns, "people", "there have"
    [
      'Neither my mother nor my father speak English. Everybody are happy. People is kind.',
      'Neither my mother nor my father speaks English. Everybody is happy. People are kind.',
    ],
    [
      'In my country there have many temples. It is depend on you. The most of them left.',
      'In my country there are many temples. It depends on you. Most of them left.',
    ],
    // a conjunction said twice; "enough" after its adjective; adjectives' prepositions
    [
      'Although it rained, but we went. Because it was late, so we left. He is not enough old to drive.',
      'Although it rained, we went. Because it was late, we left. He is not old enough to drive.',
    ],
    [
      'She is proud for her son. He is responsible of it. It is similar with mine. We were disappointed of the hotel.',
      'She is proud of her son. He is responsible for it. It is similar to mine. We were disappointed with the hotel.',
    ],
    [
      'I use this phone since three years. We work here since 5 months.',
      'I have used this phone for three years. We have worked here for 5 months.',
    ],
    [
      'My sister can speaks French. All of the students has a uniform. The traffic in Jakarta are bad.',
      'My sister can speak French. All of the students have a uniform. The traffic in Jakarta is bad.',
    ],
    [
      'Mathematics are my subject. I have a breakfast at seven. I need a pair of shoe.',
      'Mathematics is my subject. I have breakfast at seven. I need a pair of shoes.',
    ],
    [
      'It was fine during all the trip. We saw the Mount Fuji. She is kind with everyone.',
      'It was fine during the whole trip. We saw Mount Fuji. She is kind to everyone.',
    ],
    [
      "He entered into the room. I didn't assist to the lecture. I will give my final exam.",
      "He entered the room. I didn't attend the lecture. I will take my final exam.",
    ],
    [
      'He is a good cooker. It rained strongly. I am looking for an accommodation. It has many beautiful park.',
      'He is a good cook. It rained heavily. I am looking for accommodation. It has many beautiful parks.',
    ],
    [
      'Does he likes pizza? What does the law says? I am knowing the answer. She is owning a shop.',
      'Does he like pizza? What does the law say? I know the answer. She owns a shop.',
    ],
    [
      'I am understand it. He told to me that it rained. Call to me tomorrow. I asked to him about it.',
      'I understand it. He told me that it rained. Call me tomorrow. I asked him about it.',
    ],
    [
      "We reached to the station. We went to shopping. I feel myself good. It's depend on you.",
      'We reached the station. We went shopping. I feel good. It depends on you.',
    ],
    [
      "See you at Monday. We met in 5 o'clock. I study at the morning. How long time does it take?",
      "See you on Monday. We met at 5 o'clock. I study in the morning. How long does it take?",
    ],
    [
      'I prefer tea than coffee. He works hardly every day. We cope up with it. It was a very good news.',
      'I prefer tea to coffee. He works hard every day. We cope with it. It was very good news.',
    ],
    [
      'I would like to know why was my order cancelled. I wonder why is the shop closed.',
      'I would like to know why my order was cancelled. I wonder why the shop is closed.',
    ],
    [
      'I am having a car. Me and my friend went home. Me and my husband was sad.',
      'I have a car. My friend and I went home. My husband and I were sad.',
    ],
    [
      "I could of done it. Don't loose your keys. I was borned here. Your welcome. I advice you to go.",
      "I could have done it. Don't lose your keys. I was born here. You're welcome. I advise you to go.",
    ],
    [
      'Noone knows. I go there everyday. It is a 5 minutes walk. He is a 20 years old man. She is 20 years.',
      'No one knows. I go there every day. It is a 5-minute walk. He is a 20-year-old man. She is 20 years old.',
    ],
    ['The shop is in the other side of the road.', 'The shop is on the other side of the road.'],
    [
      'He is doctor. My father is engineer in Berlin. I have car. She has problem with it.',
      'He is a doctor. My father is an engineer in Berlin. I have a car. She has a problem with it.',
    ],
    [
      "Who's car is this? We go by foot. I'm thinking to go abroad. I like to swimming.",
      "Whose car is this? We go on foot. I'm thinking of going abroad. I like to swim.",
    ],
    [
      "I'm worry about it. She is very tire. The man who are here is kind. It is the reason of my decision.",
      "I'm worried about it. She is very tired. The man who is here is kind. It is the reason for my decision.",
    ],
    [
      'It is worth to visit. We go there at summer. I work in night. I have not seen him since long time.',
      'It is worth visiting. We go there in summer. I work at night. I have not seen him for a long time.',
    ],
    [
      "In nowadays, people are busy. More and more people is using it. It's depends on you.",
      'Nowadays, people are busy. More and more people are using it. It depends on you.',
    ],
    [
      'She helped me cleaning it. I am disagree. Please reply me soon. He is as tall like his father.',
      'She helped me clean it. I disagree. Please reply to me soon. He is as tall as his father.',
    ],
    [
      'I want go home. We decided buy it. I very like it. Thanks God. She has a long hair. It is raining since Monday.',
      'I want to go home. We decided to buy it. I really like it. Thank God. She has long hair. It has been raining since Monday.',
    ],
    [
      'It pays big attention to you. Would you recommend to visit it?',
      'It pays great attention to you. Would you recommend visiting it?',
    ],
  ])('%s', (text, expected) => {
    expect(withLearnerGrammar(text)).toBe(expected);
  });

  it('leaves what is right in some reading', () => {
    for (const text of [
      'A fortune 500 company on a RH 8 box; a $5 order and a Nov. 15 meeting; he wears a size 13 shoe.',
      'It was a ten year, $43 billion plan. I will be there in 1 year. Both church and state agreed.',
      'He has a lot of class; all our country knows it. Several river and harbor bills passed.',
      'We do what we can to help; as we must to protect it. Political might to be able.',
      'It made everyone think; let everyone know; can someone look at it? Does someone have ideas?',
      "Let's everyone give a hand. Someone like you. Everyone put their hands up.",
      'He was looking forward to snow - seeing it. The elevator stops at the first floor.',
      "Make sure to tune in next week. A deficiency in last year's budget; call in Monday's list.",
      'They reached an accommodation with the union. Information technology is big; many information systems.',
      'A shift in the Internet. The architects of the Morgenthau Plan.',
      'It is hard work the whole year. She is married with two children.',
      'Distribution to the people is impracticable; trade with those countries is improving.',
      'The industry of our people is rewarded. This places a burden on us. From this doctors can learn.',
      'When I arrived, he already knew. We made a trip to the store. Those who commit crimes pay.',
      'In the past four years we acted on it. At last we go home.',
      'When I did I saw his point; what he did they thought was wrong. Every people chose.',
      "It does more good than harm. He mans the desk. If you can't then nobody else can.",
      "Every children's hospital; I have 25 years of experience; he has two years left.",
      'They arrived to find it locked. I had an experience in Paris. He studied the history of Rome.',
      'It is common practice to flood it. It was suggested to withhold it. I heard him to be honest.',
      'All the day we waited; all my family came. If someone were to ask. Does someone have a pen?',
      'As it decayed, so did the wart. Though he came, I left, but he stayed. We made the most of it.',
      'The most famous of all. They cannot be disappointed of their destiny. I saw him to the door.',
      'They entered into an agreement. We had a dinner party. She was generous with her time.',
      'We waved at friends in the train. It follows in the train of war. In the plane of the orbit.',
      'The growth of all of the islands has been rapid. Teachers give their exams in May.',
      'The part that does it is here. She is understanding. Where they are wanting, we help.',
      'The story told to me by my father. He asked to leave. I feel myself getting better.',
      'I prefer to stay rather than go. He hardly works. She is having a baby. It was a good news story.',
      'Military staffs met; the evidences of the fraud. See a news.gnome.org posting.',
      'I need help. All sorts of plans come to life. These measures, and I hope take action.',
      'It could of course be done. They cut loose the lifeboat; a loose tooth. It is an everyday task.',
      'Your welcome letter was kind. The advice you gave. A 20 years old tradition.',
      'I have class on Monday. She described him as kind. He is a doctor. We have time.',
      "Who's there? It takes wishful thinking to make it. We adapt our plans to changing needs.",
      "Don't worry about it. Not guilty by reason of insanity. People who are here stay.",
      'In these days, when we work, we met at the summer camp. It is worth to be added.',
    ]) {
      expect(withLearnerGrammar(text)).toBe(text);
    }
  });
});

describe('withLearnerGrammar: questions, perfects and clauses', () => {
  it.each([
    ['Where do you live.', 'Where do you live?'],
    [
      'What time does the train leave. I need to know.',
      'What time does the train leave? I need to know.',
    ],
    ['Can you help me with this exercise.', 'Can you help me with this exercise?'],
    ['Do you know a good dentist.', 'Do you know a good dentist?'],
    [
      'She has been live in Dubai for three years.',
      'She has been living in Dubai for three years.',
    ],
    ["They've been study English all morning.", "They've been studying English all morning."],
    ['One of my friend lives in Berlin.', 'One of my friends lives in Berlin.'],
    [
      'He is one of the best student in our school.',
      'He is one of the best students in our school.',
    ],
    [
      'She is the more intelligent student in the class.',
      'She is the most intelligent student in the class.',
    ],
    ['If I will have time, I will call you.', 'If I have time, I will call you.'],
    ['When she will arrive, we can eat.', 'When she arrives, we can eat.'],
    [
      'In the last ten years the temperature increased a lot.',
      'In the last ten years the temperature has increased a lot.',
    ],
    ['Since 2015 the company grew fast.', 'Since 2015 the company has grown fast.'],
    ['I still didn’t receive my refund.', 'I still haven’t received my refund.'],
    ['She did not finish the report yet.', 'She has not finished the report yet.'],
    ['Everyone were happy.', 'Everyone was happy.'],
    ['The price of the tickets are too high.', 'The price of the tickets is too high.'],
    ['The new version of the app have many bugs.', 'The new version of the app has many bugs.'],
    [
      'I bought last month a new laptop from Lenovo.',
      'I bought a new laptop from Lenovo last month.',
    ],
    [
      'I will be tomorrow at home all day, so you can visit me.',
      'I will be at home all day tomorrow, so you can visit me.',
    ],
    ['We have been to Paris last summer.', 'We went to Paris last summer.'],
    ['I have been in London last year.', 'I was in London last year.'],
    ['It is the first time I visit London.', 'It is the first time I have visited London.'],
    ["It's the first time we are here.", "It's the first time we have been here."],
    ['There are a lot of traffic in the morning.', 'There is a lot of traffic in the morning.'],
    ['There were so much noise last night.', 'There was so much noise last night.'],
    ['I am liking this city.', 'I like this city.'],
    ['Somebody robbed my wallet on the bus.', 'Somebody stole my wallet on the bus.'],
    ['My uncle works in a fabric near Turin.', 'My uncle works in a factory near Turin.'],
    ['She wants to marry with him.', 'She wants to marry him.'],
    [
      'Most of people think so. According to me, it is long.',
      'Most people think so. In my opinion, it is long.',
    ],
    ['There are a lot of peoples in the street.', 'There are a lot of people in the street.'],
    [
      'She suggested me to take a taxi. They recommend us to book early.',
      'She suggested that I take a taxi. They recommend that we book early.',
    ],
    [
      'How long do you live here? How long does your brother know her?',
      'How long have you lived here? How long has your brother known her?',
    ],
    [
      'We stayed in home. We talked during hours. This is the book what I told you about.',
      'We stayed at home. We talked for hours. This is the book that I told you about.',
    ],
    [
      'We have meeting with the client. I need appointment with the doctor.',
      'We have a meeting with the client. I need an appointment with the doctor.',
    ],
    [
      'I go to work by the bus every day. We went to the city centre by the train.',
      'I go to work by bus every day. We went to the city centre by train.',
    ],
    [
      "She was born at 1995. They don't have no money. She is bad in languages.",
      "She was born in 1995. They don't have any money. She is bad at languages.",
    ],
    [
      "I have a lot of works to do. Its very important to rest. My friend's parents lives here.",
      "I have a lot of work to do. It's very important to rest. My friend's parents live here.",
    ],
    [
      'I am living in this city for ten years. I have a fever since Monday.',
      'I have been living in this city for ten years. I have had a fever since Monday.',
    ],
    [
      'The hotel where we stayed in was nice. He told that he will be late.',
      'The hotel where we stayed was nice. He said that he will be late.',
    ],
    [
      'Neither my brother or my sister can swim. Everyone in the office are friendly.',
      'Neither my brother nor my sister can swim. Everyone in the office is friendly.',
    ],
    [
      'Please find in attachment my CV. Thanks, I really appreciate. We stayed at the home.',
      'Please find attached my CV. Thanks, I really appreciate it. We stayed at home.',
    ],
    [
      'How much times have you been there? It is too much expensive for us.',
      'How many times have you been there? It is too expensive for us.',
    ],
    ['I would like to can speak English.', 'I would like to be able to speak English.'],
    ["Why you don't come with us?", "Why don't you come with us?"],
    ['Most people thinks it is easy.', 'Most people think it is easy.'],
    [
      'The salary is very few and the prices are very expensive.',
      'The salary is very low and the prices are very high.',
    ],
    ['I had a strong headache.', 'I had a bad headache.'],
    ['The students made many questions.', 'The students asked many questions.'],
    ['My sister works like a nurse in Lima.', 'My sister works as a nurse in Lima.'],
    ['I think yes, and I hope yes.', 'I think so, and I hope so.'],
    ['Is possible to change the date?', 'Is it possible to change the date?'],
    ['Is very important to sleep well.', 'It is very important to sleep well.'],
    ['I bought it because is very cheap.', 'I bought it because it is very cheap.'],
    ["I have hungry, let's eat.", "I am hungry, let's eat."],
    ['The police is looking for the thief.', 'The police are looking for the thief.'],
    ['The city is too much beautiful.', 'The city is very beautiful.'],
    [
      'He not like coffee and I not understand why.',
      "He doesn't like coffee and I don't understand why.",
    ],
    ['I have a question to you.', 'I have a question for you.'],
    ['My sister is the same of my mother.', 'My sister is the same as my mother.'],
    ['I use to go to the gym every day.', 'I used to go to the gym every day.'],
    ['When I was child, I lived in Rome.', 'When I was a child, I lived in Rome.'],
    ["I'm student at the university.", "I'm a student at the university."],
    ['She is very good person.', 'She is a very good person.'],
    ['You would of liked it.', 'You would have liked it.'],
    ['What you are doing? Where you will go?', 'What are you doing? Where will you go?'],
    ['Do you can help me?', 'Can you help me?'],
    ['She can swimming very well.', 'She can swim very well.'],
    ["I can't to sleep at night.", "I can't sleep at night."],
    ['He can’t to swim very well.', 'He can’t swim very well.'],
    [
      "I'd like book a room and I need know the price.",
      "I'd like to book a room and I need to know the price.",
    ],
    ['I look forward hearing from you.', 'I look forward to hearing from you.'],
    ['I met her a lot of time ago.', 'I met her a long time ago.'],
    [
      'Venice is a very beauty city and she is very success.',
      'Venice is a very beautiful city and she is very successful.',
    ],
    [
      'He speaks English very fluent. She plays the piano beautiful.',
      'He speaks English very fluently. She plays the piano beautifully.',
    ],
    [
      'I think about the possibility of choose another job.',
      'I think about the possibility of choosing another job.',
    ],
    ['Please contact with me soon.', 'Please contact me soon.'],
    [
      'I will attend to the meeting and I need an other chance.',
      'I will attend the meeting and I need another chance.',
    ],
    ['In the end of the film, everybody cried.', 'At the end of the film, everybody cried.'],
    ['How do you call this in English?', 'What do you call this in English?'],
    ['What does mean this word?', 'What does this word mean?'],
    [
      'There was a big amount of people. The half of the students failed.',
      'There was a large number of people. Half of the students failed.',
    ],
    ['I need to make a research about it.', 'I need to do research about it.'],
    [
      'She is one of the most beautiful woman in the world.',
      'She is one of the most beautiful women in the world.',
    ],
    [
      'There are reasons why people moves to cities.',
      'There are reasons why people move to cities.',
    ],
    ["My parents doesn't like him.", "My parents don't like him."],
    ['My friend, who live in Paris, is coming.', 'My friend, who lives in Paris, is coming.'],
    [
      "He gave to me a present. Let's meet on the evening.",
      "He gave me a present. Let's meet in the evening.",
    ],
    [
      'I have a car red. Every students have a laptop.',
      'I have a red car. Every student has a laptop.',
    ],
    ['I bought two kilos of apple and tomato.', 'I bought two kilos of apples and tomato.'],
    ['We must finish this work until Friday.', 'We must finish this work by Friday.'],
    [
      'I want you help me. My boss asked me come early.',
      'I want you to help me. My boss asked me to come early.',
    ],
    ['During I was in London, I visited museums.', 'While I was in London, I visited museums.'],
    [
      "I'm sorry for disturb you. In spite the rain, we left.",
      "I'm sorry for disturbing you. In spite of the rain, we left.",
    ],
    [
      'The prices raised by ten percent. The most people agree.',
      'The prices rose by ten percent. Most people agree.',
    ],
    [
      'We had a good weather during our trip. It was a bad luck.',
      'We had good weather during our trip. It was bad luck.',
    ],
    [
      'I ordered it, but I still did not receive it.',
      'I ordered it, but I still have not received it.',
    ],
    ['Plastic bags is very harmful.', 'Plastic bags are very harmful.'],
    [
      'The noise from the neighbours make it hard to sleep.',
      'The noise from the neighbours makes it hard to sleep.',
    ],
    [
      'We read a lot of researches. She bought new pair of shoes.',
      'We read a lot of research. She bought a new pair of shoes.',
    ],
    [
      'By the time the ambulance came, the man already died.',
      'By the time the ambulance came, the man had already died.',
    ],
    [
      'I have never eaten sushi before I came to Tokyo.',
      'I had never eaten sushi before I came to Tokyo.',
    ],
    [
      'Since I moved to Canada, I made many friends.',
      'Since I moved to Canada, I have made many friends.',
    ],
    ['While I cooked dinner, the phone rang.', 'While I was cooking dinner, the phone rang.'],
    [
      'Look, it rains again. What a beautiful day it is today?',
      "Look, it's raining again. What a beautiful day it is today!",
    ],
    [
      'Can you tell me where is nearest pharmacy?',
      'Can you tell me where the nearest pharmacy is?',
    ],
    [
      'I would like to know how much cost the tickets.',
      'I would like to know how much the tickets cost.',
    ],
    ["I don't know when starts the course.", "I don't know when the course starts."],
    ['I like too much this song.', 'I like this song very much.'],
    [
      'I study at University of Toronto. Moon was bright.',
      'I study at the University of Toronto. The moon was bright.',
    ],
    [
      'This is the man which I met. The book who I read was long.',
      'This is the man who I met. The book that I read was long.',
    ],
    ["I can't understand why is he angry.", "I can't understand why he is angry."],
    [
      "I didn't used to like it. He worked hardly all day.",
      "I didn't use to like it. He worked hard all day.",
    ],
    [
      "I'm interested in to learn Chinese. We went to beach.",
      "I'm interested in learning Chinese. We went to the beach.",
    ],
    [
      'I would like that you come. In my country is very hot.',
      'I would like you to come. In my country it is very hot.',
    ],
    [
      'There were two hundred of people. She has a long hair.',
      'There were two hundred people. She has long hair.',
    ],
    [
      "I can't sleep at the night. I need a help. As I told before, no.",
      "I can't sleep at night. I need help. As I said before, no.",
    ],
    [
      'I apply for position of manager, with attention to safety of the workers.',
      'I apply for the position of manager, with attention to the safety of the workers.',
    ],
    [
      "I'll call you when I'll be home. He is taller that me.",
      "I'll call you when I am home. He is taller than me.",
    ],
    [
      'How many money do you need? This exercise is very easy to do it.',
      'How much money do you need? This exercise is very easy to do.',
    ],
    ['I have no idea what to do it.', 'I have no idea what to do.'],
    [
      "My favourite hobby is play tennis. Let's going to the park.",
      "My favourite hobby is playing tennis. Let's go to the park.",
    ],
    [
      'I think that the education is the key. I was very surprise.',
      'I think that education is the key. I was very surprised.',
    ],
    [
      'He goes to school yesterday. I am sick yesterday.',
      'He went to school yesterday. I was sick yesterday.',
    ],
    ['I will go to there. I visited to my aunt.', 'I will go there. I visited my aunt.'],
    ['He approached to the door. We lack of time.', 'He approached the door. We lack time.'],
    [
      'Where you live? Where he works? What you want?',
      'Where do you live? Where does he work? What do you want?',
    ],
    [
      'I no like coffee. She no likes tea. I not have time.',
      "I don't like coffee. She doesn't like tea. I don't have time.",
    ],
    [
      'Is there any questions? How much people came?',
      'Are there any questions? How many people came?',
    ],
    [
      'My job is very stress. It was a very emotion film. The debate was very controversy.',
      'My job is very stressful. It was a very emotional film. The debate was very controversial.',
    ],
    [
      'The number of cars in my city are increasing. The number of people living alone have doubled.',
      'The number of cars in my city is increasing. The number of people living alone has doubled.',
    ],
    [
      'We can take the conclusion that it works. Thanks for all your helps.',
      'We can draw the conclusion that it works. Thanks for all your help.',
    ],
    [
      'My sister has a long black hair and blue eyes. She stayed at home because she had fever.',
      'My sister has long black hair and blue eyes. She stayed at home because she had a fever.',
    ],
    [
      'I like very much football. I liked very much the concert last night.',
      'I like football very much. I liked the concert very much last night.',
    ],
    [
      'I have send you the contract. The meeting will be hold on Monday. I am please to help.',
      'I have sent you the contract. The meeting will be held on Monday. I am pleased to help.',
    ],
    [
      'A question regarding to the invoice. According the contract, we pay later.',
      'A question regarding the invoice. According to the contract, we pay later.',
    ],
    [
      "She is in charge for the team. We meet at 3 pm o'clock. It was founded since 1998.",
      'She is in charge of the team. We meet at 3 pm. It was founded in 1998.',
    ],
    [
      'Could you please to send it? I need that you call me. Tell me if you have any question.',
      'Could you please send it? I need you to call me. Tell me if you have any questions.',
    ],
    [
      'As I said you on the phone, it works. The manager told that the office will close.',
      'As I told you on the phone, it works. The manager said that the office will close.',
    ],
    [
      'We are looking for a new employees for the shop. I send you the report yesterday.',
      'We are looking for new employees for the shop. I sent you the report yesterday.',
    ],
    [
      'I am work in a bank. My boss gave me a good feedback.',
      'I am working in a bank. My boss gave me good feedback.',
    ],
    [
      'They can learned a lot. It will rained. I am totally agree. She is completely disagree.',
      'They can learn a lot. It will rain. I totally agree. She completely disagrees.',
    ],
    [
      "I chose it because of it is close. Unless you don't study, you fail. On my opinion, no.",
      "I chose it because it is close. If you don't study, you fail. In my opinion, no.",
    ],
    [
      'In my point of view, yes. Treat them at the same way. In the other side, it costs more.',
      'From my point of view, yes. Treat them in the same way. On the other hand, it costs more.',
    ],
    [
      'They spend too much times online. This make me happy. It have many advantages.',
      'They spend too much time online. This makes me happy. It has many advantages.',
    ],
    [
      'Technology have changed our lives. Pollution are a big problem. Smoking cause cancer.',
      'Technology has changed our lives. Pollution is a big problem. Smoking causes cancer.',
    ],
    [
      'After we had finish dinner, we left. It was the best place I have ever saw.',
      'After we had finished dinner, we left. It was the best place I have ever seen.',
    ],
    [
      'When I was younger I use to play football. The film what we watched was sad.',
      'When I was younger I used to play football. The film that we watched was sad.',
    ],
    [
      'We got home late in the night. It took three hours and half. Somebody was knocking the door.',
      'We got home late at night. It took three and a half hours. Somebody was knocking on the door.',
    ],
    [
      'What do you think about to go out? My sister is as tall than my father. Just between you and I.',
      'What do you think about going out? My sister is as tall as my father. Just between you and me.',
    ],
    [
      'He is the best player of the world. I saw it in TV. We met in the party last Saturday.',
      'He is the best player in the world. I saw it on TV. We met at the party last Saturday.',
    ],
    ["I didn't see him since Monday.", "I haven't seen him since Monday."],
    [
      'The results shows that it works. The majority of people thinks so. Both of them has cars.',
      'The results show that it works. The majority of people think so. Both of them have cars.',
    ],
    [
      'Many researches have shown it. Comparing to last year, sales rose. The number has raised sharply.',
      'Much research has shown it. Compared to last year, sales rose. The number has risen sharply.',
    ],
    [
      'We analyse the reasons of unemployment. The government should to invest. Pollution effects our health.',
      'We analyse the reasons for unemployment. The government should invest. Pollution affects our health.',
    ],
    ['They must cooperate with each others.', 'They must cooperate with each other.'],
    [
      "Please find attach the file. I'd like to apply to the position of clerk. Sorry for the inconvenient.",
      "Please find attached the file. I'd like to apply for the position of clerk. Sorry for the inconvenience.",
    ],
    [
      'We will do our best for solve it. I changed of idea. I am writing in regards of your letter.',
      'We will do our best to solve it. I changed my mind. I am writing with regard to your letter.',
    ],
    [
      'I will be waiting your response. I have experience on marketing. I am interested to work here.',
      'I will be waiting for your response. I have experience in marketing. I am interested in working here.',
    ],
    [
      'I decided going to the party. She agreed helping me. I hope seeing you soon.',
      'I decided to go to the party. She agreed to help me. I hope to see you soon.',
    ],
    [
      'I miss to see my family. The museum is worth to visit. He admitted to steal the money.',
      'I miss seeing my family. The museum is worth visiting. He admitted to stealing the money.',
    ],
    [
      'I would appreciate if you call. The package arrived damage.',
      'I would appreciate it if you call. The package arrived damaged.',
    ],
    [
      'See you in Christmas! I am going to the home now. I study in the University of Madrid.',
      'See you at Christmas! I am going home now. I study at the University of Madrid.',
    ],
    [
      "I'm waiting for you in the bus stop. The Lake Victoria is in Africa. It is a one of the best.",
      "I'm waiting for you at the bus stop. Lake Victoria is in Africa. It is one of the best.",
    ],
    [
      'This subject is very actual. Many peoples think so. These news surprised everybody.',
      'This subject is very relevant. Many people think so. This news surprised everybody.',
    ],
    [
      'I think your right about the budget. The team lost there best player. Bring there own laptop.',
      "I think you're right about the budget. The team lost their best player. Bring their own laptop.",
    ],
    [
      'Please advice me. It will effect everyone. The manager excepted my apology. I need to by some milk.',
      'Please advise me. It will affect everyone. The manager accepted my apology. I need to buy some milk.',
    ],
    [
      'I seen him at the station. He past the exam. Could of told me. We need it for are own office.',
      'I saw him at the station. He passed the exam. Could have told me. We need it for our own office.',
    ],
    [
      "Check you're work carefully. We where told to wait. They where very happy.",
      'Check your work carefully. We were told to wait. They were very happy.',
    ],
    [
      'Your the best. Were going to be late. I have to many emails. Take a deep breathe. I need to breath slowly.',
      "You're the best. We're going to be late. I have too many emails. Take a deep breath. I need to breathe slowly.",
    ],
    [
      'I want a peace of cake. It was a quite evening. Whose going? I don’t know were I left it. Wait, than we can go.',
      "I want a piece of cake. It was a quiet evening. Who's going? I don’t know where I left it. Wait, then we can go.",
    ],
    [
      'It was cancelled do to the storm. Irregardless of cost, I did good on the test. I feel badly about it.',
      'It was cancelled due to the storm. Regardless of cost, I did well on the test. I feel bad about it.',
    ],
    [
      'I need to lay down for a while. The cat is laying on the sofa. Thanks for the complement on my work.',
      'I need to lie down for a while. The cat is lying on the sofa. Thanks for the compliment on my work.',
    ],
    [
      'He lead the team to victory last year. Me and her are going out. The affect of the law was small.',
      'He led the team to victory last year. She and I are going out. The effect of the law was small.',
    ],
    [
      'When I was child I live in a small village. I have not enough money. I asked to my teacher.',
      "When I was a child I lived in a small village. I don't have enough money. I asked my teacher.",
    ],
    [
      'We should help poor peoples. It was so bad that we must stay home. He is less stronger than me.',
      'We should help poor people. It was so bad that we had to stay home. He is less strong than me.',
    ],
    [
      'We visited the Paris last year. Health is the most important thing in the life. My favourite subject is the mathematics.',
      'We visited Paris last year. Health is the most important thing in life. My favourite subject is mathematics.',
    ],
    [
      'I forgoted my umbrella. They comed late. She has growed a lot. He payed the bill. I sayed no.',
      'I forgot my umbrella. They came late. She has grown a lot. He paid the bill. I said no.',
    ],
    [
      "They are going to there grandmother's house. We are planing a trip to Scotland.",
      "They are going to their grandmother's house. We are planning a trip to Scotland.",
    ],
    ['She speaks English very good.', 'She speaks English very well.'],
    [
      'It consists from ten chapters. We go there in foot. I agree on your opinion. I spent a lot of money in clothes.',
      'It consists of ten chapters. We go there on foot. I agree with your opinion. I spent a lot of money on clothes.',
    ],
    [
      'Two days ago I meet an old friend. Yesterday my boss tell me. Yesterday I am busy. Last night I can’t sleep.',
      'Two days ago I met an old friend. Yesterday my boss told me. Yesterday I was busy. Last night I couldn’t sleep.',
    ],
    [
      'After I finished my homework, I watch TV. We were walking in the park when it start to rain.',
      'After I finished my homework, I watched TV. We were walking in the park when it started to rain.',
    ],
    [
      'I want to discuss with you about the contract. Please confirm me the date. Please advise us the best option.',
      'I want to discuss the contract with you. Please confirm the date. Please advise us on the best option.',
    ],
    [
      'He succeeded to pass the exam. I was surprised of the news.',
      'He succeeded in passing the exam. I was surprised by the news.',
    ],
    [
      'My father is working in a bank since twenty years. Can you tell me where is the nearest bus station?',
      'My father has been working in a bank for twenty years. Can you tell me where the nearest bus station is?',
    ],
    // the families of a paragraph probe, beyond the phrasings their first rules took
    [
      'In my free time I like play football. She doesn’t like watch TV.',
      'In my free time I like to play football. She doesn’t like to watch TV.',
    ],
    [
      'We use to climb trees and swim in the river.',
      'We used to climb trees and swim in the river.',
    ],
    [
      'I want to work in a big company after I will finish my studies.',
      'I want to work in a big company after I finish my studies.',
    ],
    ['Call me as soon as he’ll be home.', 'Call me as soon as he is home.'],
    ['There was not many things to do.', 'There were not many things to do.'],
    ['They live in a house near of the sea.', 'They live in a house near the sea.'],
    ['The breakfast was not include in the price.', 'The breakfast was not included in the price.'],
    // careless e-mail
    [
      "I think its to late. It's to late. We can meet if your free, if your not busy.",
      "I think it's too late. It's too late. We can meet if you're free, if you're not busy.",
    ],
    ['Phones are so expensive now days.', 'Phones are so expensive nowadays.'],
    // a third probe of paragraphs
    ['Two years ago I have visited Paris.', 'Two years ago I visited Paris.'],
    [
      'Last year we have been to Rome. Last year we have been busy.',
      'Last year we went to Rome. Last year we were busy.',
    ],
    [
      'Please let me know what time is the meeting and if I need to bring something.',
      'Please let me know what time the meeting is and if I need to bring something.',
    ],
    [
      'It tells the story of a girl who lose her parents and must to live with her aunt.',
      'It tells the story of a girl who loses her parents and must live with her aunt.',
    ],
    ['I met a boy who want to be a pilot.', 'I met a boy who wants to be a pilot.'],
    [
      'In my country people usually eats dinner late.',
      'In my country people usually eat dinner late.',
    ],
    ['Children should not to use phones at school.', 'Children should not use phones at school.'],
    ['He is the most funny person that I know.', 'He is the funniest person that I know.'],
    ['My favourite sport is the swimming.', 'My favourite sport is swimming.'],
    [
      'He likes help people. She loves make cakes. I asked to the driver.',
      'He likes to help people. She loves to make cakes. I asked the driver.',
    ],
    ['I think governments must to do something now.', 'I think governments must do something now.'],
    [
      'They are useful, but people spends too much time on them.',
      'They are useful, but people spend too much time on them.',
    ],
    [
      'Every year the summers are more hot and there is less rain.',
      'Every year the summers are hotter and there is less rain.',
    ],
    ['I can go there by walk.', 'I can go there on foot.'],
    [
      'The film was too much long and the story didn’t have sense.',
      'The film was too long and the story didn’t make sense.',
    ],
  ])('%s', (text, expected) => {
    expect(withLearnerGrammar(text)).toBe(expected);
    // The engine runs the rules again after Harper: a second pass must leave their output.
    expect(withLearnerGrammar(expected)).toBe(expected);
  });

  it('leaves what is right in some reading', () => {
    for (const text of [
      'Do the hard work of freedom. Have the courage to be free. Does her shopping at the mall.',
      'When we do that, we will have cut imports. What happens is that it fails. How it works is clear.',
      'Can you please send me the file. Could you check it. Should you need help, call us.',
      'Does it mean I have to stop, he said no. Is it over; we will see.',
      'If someone were to fix it, I would be glad. It is as if everyone were watching.',
      'If you will stick with this plan, we will post a surplus. Since then he had worked hard.',
      'In the past four years we acted on it. Since I was tired, I went home.',
      'He still didn’t know what to do. It has been like a dream. She has been open about it.',
      'It has been work, work, work. One of my favorite illustrators. One of the family came.',
      'Have you seen the figures? Has she seen it? We drove past the factory. In the past the team met.',
      'Is there money left? Are there children here? I know your right to privacy. I think your right hand.',
      'All staff, excepted those on leave, attend. It will effect the transfer. She gave me advice I follow.',
      'We have to finish by Friday. I want to go by train. We sold it and moved there last year.',
      'We sent it to many customers. It has been made to many of the States. Were the results ready?',
      'He held his breath. Take time to breathe. It brought peace of mind. It was in a peace of exalted joy.',
      'Then had her breathe on the canvas. It was quite a long evening. Whose turn is it? I wonder what they were doing.',
      'What did you do to the printer? She did good work. He felt badly bruised. They agreed to lay down their arms.',
      'The burdens he was permitted to lay down, and more. The hotel is laying on a buffet. These colours complement each other.',
      'They lead the market in Europe. I have two many-sided dice. She has way too much work.',
      'We have not enough generalists. Other peoples and those peoples of Europe. I asked to speak to the manager.',
      'When she was young, she can swim. When I was there, I was happy. I was young.',
      "I'll show you where it is. You're home early. Tell them where we went.",
      'A day in the life. He moved to the London office. In the Paris of the 1920s, artists thrived.',
      'All the "inherited, growed" entries. He was planing the wood. We go there every day.',
      'She succeeded to the throne. We spent money in Paris. It was a case in foot-and-mouth control.',
      'When I was young I read every book. They lead busy lives.',
      'When I need help, I call my sister. After I finish, I go home. When I got home, I was tired.',
      'They confirmed me as chair. We discussed with them at length. The availabilities of servers vary.',
      'In 1954 we hope to have enough equipment. In 1975, I am glad to report, seizures rose.',
      'The rest of the students are here. The majority of people were kind.',
      'The number of applications that have been allowed will grow.',
      'We saw last year’s results. I read yesterday that prices rose.',
      'The more people in the room, the better. He is the more intelligent of the two.',
      'He has been on programs and was one of the sensations of last year’s concerts.',
      'We have been able in the last 5 years to raise it from 30 in 1964.',
      'They robbed the bank. He works in a fabric shop. Why you? Some people say no.',
      'The price is right. The product was cheap at the time, they said. A strong coffee.',
      'She made the question harder. It is the first time I have seen it.',
      'I was told that it works; I could tell that he was sad. Don’t tell that to him.',
      'They are so much interested, and very much excited. There is so much good in it.',
      'The control of the mob by the police was admirable. It is so good and is very good.',
      'It is the same of course. We can say the same of John. The tool I use to cut bread.',
      'I think not. Is it possible to go?',
      'What we have to do, what do we have to do? Why should changing my job change it?',
      'You can make more than you can working for them. A book that is must reading.',
      'I need help. I want change for the bus. Could of course be done.',
      'The very success of the plan. An increase of pay; a course of study; lines of travel.',
      'A composer whose works were so fluent and spontaneous. I made contact with her.',
      'Close in the end of the bathroom. Specialists making research into the sciences. Make research grants.',
      'Africanize the half of our country. The second half of the year. He attended to the patients.',
      'Those who, from every clime, are seeking. Each will have his memory. Each can do good.',
      'I believe that people is people. How many people has she employed? His sister and her husband, who live here.',
      'It will give to us those articles. On the evening that they sailed; on the evening news.',
      "We can't finish it until Friday. Work until Monday.",
      'Let them come; she made me laugh; I saw him leave. They raised the prices. A good weather forecast.',
      'During the war I was young. The most people in history attended. Thanks for the help you gave.',
      'But this is not enough. My arthritis is acting up. Rendering polygons is not easy. Physics is hard.',
      'While I worked there, I learned a lot. Is it closest to the door? It is best to go.',
      'While this was being discussed, we saw them. All this has not been a blessing.',
      'We hope that government is now beginning to emerge. Plans for development of our resources.',
      'The only person in this house who knew it. Citizens searching for a job who cannot find one.',
      'I could hardly work. In my city is a famous museum. We went to beach volleyball games.',
      'Half a million of dollars. At the night of the concert. The help desk. A hair cut.',
      "Right after that I'm going. If you'll buy that, fine. I'll be damned if I'll do it. It is easy to do it.",
      'The society is taking the sightings seriously. She finds that the friendship is causing stress.',
      'Did you see his program last night? I think he left yesterday. I read it yesterday.',
      'I am grateful to them for passing it last year. They are less than the estimates of last year.',
      'A visit to the dentist. He paid a brief visit to the museum. Our approach to the problem.',
      'Is there any news? How much time is left? Where you live is up to you.',
      'Do it now. Have it ready by Monday.',
      'A very stress-free audit. They are very noise sensitive. It was a wonder that he lived.',
      'The number of people who are unemployed is rising. A number of problems were found.',
      'The number of students and the number of teachers are rising. The number of cars we have is small.',
      'She took the conclusion of the meeting as a sign. Take this conclusion to the board.',
      'They take the conclusions of the audit seriously. The teacher helps the students.',
      'Many peoples of Africa came under colonial rule. These news reports are false.',
      'I read the actual report. The very actual costs were never published.',
      'I found a long hair in my soup. A woman with a black hair band. He has cold hands.',
      'I like very much that you came. I would like very much to see you. We enjoyed it very much.',
      'I have work to do. We have leave next week. I had them send it. We have make-up artists.',
      'She was put in charge for a week. It is a need that we all share. I prefer that you come.',
      'I said you should go. I was told that it works. We are often told that it works. Nobody told that to me.',
      'I like that you come early. They like that we help.',
      'A few friends came. A children’s book. They are a people with a history. A jobs bill. A members-only list.',
      'The country according the rights. I don’t have any problem with that. Let me tell you what happened yesterday.',
      'The project is on hold. She sends me flowers every week.',
      'They would had no disaster befallen them. I could used to swim. His will passed to his son.',
      'The chance of it because of this is small. Unless you hurry, you miss it. How much time is left?',
      'In the other side of the room, a man waited. This make of car is rare. That help desk is closed.',
      'It cost a lot. Does it have a garden? Social media have changed politics. Money talks.',
      'Encryption, that depend on the body being untouched. We are totally agreed on this.',
      'We have complete control. They have start dates. We had finish lines painted. I use to-do lists.',
      'It took three years and a half. The police knocked the door down. She woke up in the night.',
      'Get your customers what they need. This is what he said. We have to do in the world what we did.',
      'I was about to go. He regarded himself as bigger than the party. A job as lyricist than as composer.',
      'He is the best player of the season. She works in TV production. He invested in Facebook early.',
      "I didn't see him since he was busy. They met in the party headquarters.",
      'Secrets in Christmas gift wrapping. By coming to the home yesterday. We visited the Lake District.',
      'The Mount Pleasant area is quiet. It is one of a kind. We stayed in Christmas week.',
      'The majority of the committee is against it. Comparing the two methods, we chose one.',
      'They have raised significantly more money. She has raised three children. The reasons of state.',
      'We did all we could to help. As it should to the needs. I would to all becoming so. I would to God.',
      'We want to effect change. The side effects are mild. They were at each others’ throats.',
      'The same rules apply to the position of manager. It is inconvenient for me. We did our best for the team.',
      'I would be interested to hear your views. Those interested to bring claims. Anyone who is interested to call me.',
      'There was damage to the car. He has experience on the project. In regard to your letter, we agree.',
      'We agreed meeting dates. They offered training to all staff. I can’t afford housing in the city.',
      'A plan looking to a revision. It is generally admitted to be sound. This is worth to be added.',
      'We want something to eat. They expected everything to work. I miss my family.',
      'I like dance music. I hate change in my life. The ropes we use to climb the wall are old.',
      'They will each resort to it before they will forego it. Nobody knows when I will finish.',
      'It is not complete, although great efforts have been made. He doesn’t have the sense to stop.',
      'Her Government and people has been told. The number of people depends on it. It’s a must to see.',
      'We want more hot water and towels. It was productive as well as more safe and clean.',
      'We got rid of a rule from 40 years ago that could have forced farmers to pay.',
      'The man who read the letter smiled. She was the most happy to help.',
      'Her hobby is the swimming of the athletes. The man who put it there left.',
      'Call us if your free time allows. When your very first job starts, save. It’s to blame.',
    ]) {
      expect(withLearnerGrammar(text)).toBe(text);
    }
  });
});

describe('agreement with a name that opens a sentence', () => {
  // The grammar checker says which words are names (Harper flags them in lower case).
  const names = new Set(['Goran', 'Oksana', 'Greta', 'Jonas', 'Ekstrohm', 'Jackson', 'Englishmen']);
  const isName = (word: string): boolean => names.has(word);

  it.each([
    ['Goran work in a factory near Zagreb.', 'Goran works in a factory near Zagreb.'],
    ['We met. Oksana often have lunch with us.', 'We met. Oksana often has lunch with us.'],
    ['Greta and Jonas was very happy.', 'Greta and Jonas were very happy.'],
    ["Greta and Jonas doesn't eat meat.", "Greta and Jonas don't eat meat."],
  ])('%s', (text, corrected) => {
    expect(withNameSubjectAgreement(text, isName)).toBe(corrected);
  });

  it('leaves words that are no names, peoples, pasts, and sentences that do not open there', () => {
    for (const text of [
      'Please work in pairs. Maria live in Madrid.',
      'Englishmen like to visit the Continent.',
      'Ekstrohm lay in his bunk and listened.',
      'Nor does Sen. Jackson discuss the situation.',
      'Goran put the book on the table. Goran like you.',
      'Goran will work tomorrow. Goran has left.',
    ]) {
      expect(withNameSubjectAgreement(text, isName)).toBe(text);
    }
    expect(sentenceOpeningNames('Goran work here. Greta and Jonas was there.')).toEqual([
      'Goran',
      'Greta',
      'Jonas',
    ]);
  });
});

describe('withLearnerGrammar: pronouns, possessives, verb forms and agreement', () => {
  it.each([
    [
      'I saw Maria and her husband, and I invited they to dinner.',
      'I saw Maria and her husband, and I invited them to dinner.',
    ],
    [
      'I have two sisters, and both of they live in Madrid.',
      'I have two sisters, and both of them live in Madrid.',
    ],
    [
      'The teacher is very patient with he, even when he is naughty.',
      'The teacher is very patient with him, even when he is naughty.',
    ],
    ['The doctor gave she some medicine.', 'The doctor gave her some medicine.'],
    ['Him and his wife are coming to dinner.', 'He and his wife are coming to dinner.'],
    ['Us students need more time.', 'We students need more time.'],
    [
      'My colleague and myself will present the results.',
      'My colleague and I will present the results.',
    ],
    [
      'Please contact myself if you have any questions.',
      'Please contact me if you have any questions.',
    ],
    ['It is my, so please give it back.', 'It is mine, so please give it back.'],
    [
      'I took the bus because my was at the garage.',
      'I took the bus because mine was at the garage.',
    ],
    ['The children enjoyed theirselves at the zoo.', 'The children enjoyed themselves at the zoo.'],
    ['Yesterday was my mother birthday.', "Yesterday was my mother's birthday."],
    ['The man who he lives next door is a chef.', 'The man who lives next door is a chef.'],
    [
      "That's the woman which son studies with my daughter.",
      "That's the woman whose son studies with my daughter.",
    ],
    [
      'This stone bridge was build more than two hundred years ago.',
      'This stone bridge was built more than two hundred years ago.',
    ],
    ['This rice dish is call paella.', 'This rice dish is called paella.'],
    [
      'Our flight has been delay because of the fog.',
      'Our flight has been delayed because of the fog.',
    ],
    [
      'I need to have my car repair before the winter.',
      'I need to have my car repaired before the winter.',
    ],
    ['We decided staying at home.', 'We decided to stay at home.'],
    ['My son refuses eating vegetables.', 'My son refuses to eat vegetables.'],
    ['My colleague can speaks three languages.', 'My colleague can speak three languages.'],
    ['I am not understand the instructions.', "I don't understand the instructions."],
    ['I am not understanding why the train is late.', "I don't understand why the train is late."],
    ['This bag is belonging to my sister.', 'This bag belongs to my sister.'],
    ['I wish I have more free time.', 'I wish I had more free time.'],
    ['If I were you, I will talk to the manager.', 'If I were you, I would talk to the manager.'],
    [
      'A lot of my school friends has moved abroad.',
      'A lot of my school friends have moved abroad.',
    ],
    ['There is no chairs in the room.', 'There are no chairs in the room.'],
    ['My son is five year old and he can read.', 'My son is five years old and he can read.'],
    ['We have a ten-years-old car.', 'We have a ten-year-old car.'],
    [
      'Could you tell me how much costs this jacket?',
      'Could you tell me how much this jacket costs?',
    ],
    ['I want to know how much cost the tickets.', 'I want to know how much the tickets cost.'],
    ['My sister had her hair cutted yesterday.', 'My sister had her hair cut yesterday.'],
    [
      'He has hitted the ball and it falled into the river.',
      'He has hit the ball and it fell into the river.',
    ],
  ])('%s', (text, corrected) => {
    expect(withLearnerGrammar(text)).toBe(corrected);
  });

  it('leaves what is right in some reading', () => {
    for (const text of [
      'The team has played very well this season, and the fans are happy.',
      'I know who he is. We saw they were tired. He was found guilty.',
      'Why should there be delay in making this improvement?',
      'The will provides that each child should inherit. Fans must needs drive.',
      'All you do is call or e-mail them. We are not like the other websites.',
      'The wall of some of the small arteries was thickened; the destruction of so many of his paintings was a loss.',
      'There is no express provision, no news, and no access. There was no shortness of money.',
      'He learned drawing from his father; a pre-decided sharing arrangement; the intended meaning.',
      'We had the vet fix it, and they were book matches; iron and zinc are base metals.',
      'The cost is five year old money? No: the car is a five-year-old car.',
    ]) {
      expect(withLearnerGrammar(text)).toBe(text);
    }
  });
});

describe('withLearnerGrammar: articles, prepositions, word choice and structure', () => {
  it.each([
    ['It was such nice day that we went out.', 'It was such a nice day that we went out.'],
    ["I don't have many money left.", "I don't have much money left."],
    ['I only have a little friends here.', 'I only have a few friends here.'],
    [
      'Another students in my group are from Turkey.',
      'Other students in my group are from Turkey.',
    ],
    ['Can I have other cup of coffee?', 'Can I have another cup of coffee?'],
    [
      'Yesterday I met interesting woman on the bus.',
      'Yesterday I met an interesting woman on the bus.',
    ],
    ['For me, the July is the best month.', 'For me, July is the best month.'],
    [
      'I have been learning the English for three years.',
      'I have been learning English for three years.',
    ],
    ['I usually go to the work by bus.', 'I usually go to work by bus.'],
    ['It often snows on January and February.', 'It often snows in January and February.'],
    ['They visit us at Christmas Day.', 'They visit us on Christmas Day.'],
    ['The reason of my email is to ask.', 'The reason for my email is to ask.'],
    ['I am really grateful with you.', 'I am really grateful to you.'],
    ['He apologized me for being late.', 'He apologized to me for being late.'],
    ['How should I prepare to the final exam?', 'How should I prepare for the final exam?'],
    ['Teenagers are addicted on their phones.', 'Teenagers are addicted to their phones.'],
    ['I will call you when I arrive in home.', 'I will call you when I arrive home.'],
    ['I got off from the train.', 'I got off the train.'],
    ['Our department consists in three teams.', 'Our department consists of three teams.'],
    ['Prices increased in 20 percent this year.', 'Prices increased by 20 percent this year.'],
    ['We spent the weekend at the countryside.', 'We spent the weekend in the countryside.'],
    ['Smoking is very bad to my health.', 'Smoking is very bad for my health.'],
    [
      'I am writing to complain for the loud noise.',
      'I am writing to complain about the loud noise.',
    ],
    ['It is important to sleep good every night.', 'It is important to sleep well every night.'],
    ['He speaks English very fluent now.', 'He speaks English very fluently now.'],
    ['I was very impressive by the architecture.', 'I was very impressed by the architecture.'],
    ['My grandmother can talk four languages.', 'My grandmother can speak four languages.'],
    ['Please rise your hand.', 'Please raise your hand.'],
    ['Can I lend your dictionary?', 'Can I borrow your dictionary?'],
    ['She speaks that the new manager is strict.', 'She says that the new manager is strict.'],
    [
      'All new employees must assist the training session.',
      'All new employees must attend the training session.',
    ],
    ['I usually pass my holidays in Spain.', 'I usually spend my holidays in Spain.'],
    ['Could you please control my essay?', 'Could you please check my essay?'],
    ['He wants to study economy at university.', 'He wants to study economics at university.'],
    ['The train is more economic than flying.', 'The train is more economical than flying.'],
    ['My skin is very sensible to the sun.', 'My skin is very sensitive to the sun.'],
    ['My uncle runs a success business.', 'My uncle runs a successful business.'],
    ['Is the soup enough hot for you?', 'Is the soup hot enough for you?'],
    ["He doesn't have money enough to buy it.", "He doesn't have enough money to buy it."],
    ['My brother he works as a mechanic.', 'My brother works as a mechanic.'],
    ['Is very cold today, so I will stay home.', 'It is very cold today, so I will stay home.'],
    ['Has been very difficult to find a flat.', 'It has been very difficult to find a flat.'],
    ['In my city are many parks.', 'In my city there are many parks.'],
    ['How many people there are in your family?', 'How many people are there in your family?'],
    ['Yesterday I did a big mistake at work.', 'Yesterday I made a big mistake at work.'],
    [
      "I've lost my phone last night, so I can't call.",
      "I lost my phone last night, so I can't call.",
    ],
    ['The company has been founded in 1995.', 'The company was founded in 1995.'],
    ['They have been founded in 1995.', 'They were founded in 1995.'],
    ['He is the person whom helped me.', 'He is the person who helped me.'],
    [
      "My manager, who's office is upstairs, called.",
      'My manager, whose office is upstairs, called.',
    ],
    ['My boss, that is from Germany, is strict.', 'My boss, who is from Germany, is strict.'],
    [
      'My laptop, who I bought last month, is broken.',
      'My laptop, which I bought last month, is broken.',
    ],
    ['Its so cold today. Its too late.', "It's so cold today. It's too late."],
    ['I was used to walk to school.', 'I used to walk to school.'],
    ['I played football when I am a child.', 'I played football when I was a child.'],
    ["I didn't see him since last Christmas.", "I haven't seen him since last Christmas."],
  ])('%s', (text, corrected) => {
    expect(withLearnerGrammar(text)).toBe(corrected);
  });

  it('leaves what is right in some reading', () => {
    for (const text of [
      'The novel they are talking about is long. The children he painted were happy.',
      'The payment of the April and July installments; the Christmas holidays; the March, 1950 issue.',
      'Many information technology companies and many food and beverage companies grew.',
      'Be sure there is time enough for an unhurried talk. No one people benefited another people.',
      'The girl looked around at the countryside. Was very hard to please.',
      'My brother he loved was gone. The woman claims it was an accident.',
      'He complained for the third time. It is dangerous to your health and harmful to the body.',
      'We pass the time reading. Check the home page. By reason of the storm, we stayed.',
      'The talks with France went well; a success story; the English students; on January 5.',
      'For reasons of health, he is interesting in many ways; I will never understand the English.',
      'The crisis is more economic than political.',
      'The national will is the supreme law, and our will has been tested.',
      'Among whom was an officer; some of whom had left. Its true strength is its people.',
      'I was used to walking there. Its so-called experts agree.',
    ]) {
      expect(withLearnerGrammar(text)).toBe(text);
    }
  });
});

describe('withLearnerGrammar: learners’ essays and short texts', () => {
  it.each([
    [
      'I want to go to Japan for see the cherry blossoms.',
      'I want to go to Japan to see the cherry blossoms.',
    ],
    ['Can you help me for carry this box?', 'Can you help me to carry this box?'],
    [
      'Many tourists come to Istanbul for visiting the old mosques.',
      'Many tourists come to Istanbul to visit the old mosques.',
    ],
    ['We need buy some bread and milk.', 'We need to buy some bread and milk.'],
    ['I like listen to music when I study.', 'I like to listen to music when I study.'],
    ['Please, can you to repeat the question?', 'Please, can you repeat the question?'],
    ['He is used to wake up very early.', 'He is used to waking up very early.'],
    ["I'm not used to drive on the left.", "I'm not used to driving on the left."],
    ['I have never visit the British Museum.', 'I have never visited the British Museum.'],
    [
      'If you will come to Rome, I will show you the best restaurants.',
      'If you come to Rome, I will show you the best restaurants.',
    ],
    ['I think is better to travel by train.', 'I think it is better to travel by train.'],
    ['On the beach, suddenly started to rain.', 'On the beach, suddenly it started to rain.'],
    ['Me and my friends usually meet in a cafe.', 'My friends and I usually meet in a cafe.'],
    ['Many students has to work part-time.', 'Many students have to work part-time.'],
    [
      'The book was such interesting that I read it.',
      'The book was so interesting that I read it.',
    ],
    ['Her soup is the better in the world.', 'Her soup is the best in the world.'],
    ['I was very surprise when I saw him.', 'I was very surprised when I saw him.'],
    ['She is interesting in learning Japanese.', 'She is interested in learning Japanese.'],
    ['The film was so boring that I felt asleep.', 'The film was so boring that I fell asleep.'],
    [
      'Last year I made an English course in Dublin.',
      'Last year I did an English course in Dublin.',
    ],
    ['She can speak three languages very good.', 'She can speak three languages very well.'],
    [
      'The center is full with restaurants and shops.',
      'The center is full of restaurants and shops.',
    ],
    ['The hotel was close of the beach.', 'The hotel was close to the beach.'],
    ['It has a nice view to the mountains.', 'It has a nice view of the mountains.'],
    ['I lost my camera in the way back home.', 'I lost my camera on the way back home.'],
    ['In the weekend I usually clean my room.', 'At the weekend I usually clean my room.'],
    ['Technology has changed the way how we talk.', 'Technology has changed the way we talk.'],
    ['We visited many others beautiful places.', 'We visited many other beautiful places.'],
    [
      'I want to work in other country, maybe Canada.',
      'I want to work in another country, maybe Canada.',
    ],
    ['I am only child.', 'I am an only child.'],
    ['My best friend name is Ahmed.', "My best friend's name is Ahmed."],
    ['She has long black hairs and brown eyes.', 'She has long black hair and brown eyes.'],
    [
      "I have a lot of works this week, so I can't go.",
      "I have a lot of work this week, so I can't go.",
    ],
    ['I have learned a lot of new vocabularies.', 'I have learned a lot of new vocabulary.'],
    ["I didn't sleep good last night.", "I didn't sleep well last night."],
    [
      'The children were very quite during the film.',
      'The children were very quiet during the film.',
    ],
    [
      'The food and the people where amazing. They where tired.',
      'The food and the people were amazing. They were tired.',
    ],
    ['Do you know were the nearest pharmacy is?', 'Do you know where the nearest pharmacy is?'],
    ['The food is good and not to expensive.', 'The food is good and not too expensive.'],
    ["Don't forget to bring you're passport.", "Don't forget to bring your passport."],
    ['Your going to love this restaurant.', "You're going to love this restaurant."],
    ['Everyone accept Maria came on time.', 'Everyone except Maria came on time.'],
    ['It is a problem that effects everybody.', 'It is a problem that affects everybody.'],
    ['Use less energy to safe the planet.', 'Use less energy to save the planet.'],
    ['The best food in the hole world.', 'The best food in the whole world.'],
    ['My father always advices me to save money.', 'My father always advises me to save money.'],
    ['I always advice people not to smoke.', 'I always advise people not to smoke.'],
    ['It changes, and some times it is hard.', 'It changes, and sometimes it is hard.'],
    ['I would like to assist to the workshop.', 'I would like to attend the workshop.'],
    ['We would like to propose you a 10% discount.', 'We would like to offer you a 10% discount.'],
    ['The data is very sensible.', 'The data is very sensitive.'],
    ['I was impressed from the talk.', 'I was impressed by the talk.'],
    ['They were satisfied about the results.', 'They were satisfied with the results.'],
    ['Ours are consistent to those reported.', 'Ours are consistent with those reported.'],
    ['Have a look on them.', 'Have a look at them.'],
    ['It is in walking distance of the venue.', 'It is within walking distance of the venue.'],
    ['An overview on the results.', 'An overview of the results.'],
    ['They invest on digital tools.', 'They invest in digital tools.'],
    ['It was advertised in your website.', 'It was advertised on your website.'],
    ['It has a big impact to the way we work.', 'It has a big impact on the way we work.'],
    ['They sell it in a much higher price.', 'They sell it at a much higher price.'],
    ['He will join us since next Monday.', 'He will join us from next Monday.'],
    ['Send it until Friday at the latest.', 'Send it by Friday at the latest.'],
    [
      'It has transformed in one of the best cities.',
      'It has transformed into one of the best cities.',
    ],
    ['It is more efficient that the previous one.', 'It is more efficient than the previous one.'],
    ['It was less profitable as the first one.', 'It was less profitable than the first one.'],
    ['Revenues grew of 15%.', 'Revenues grew by 15%.'],
    ['Can we extend the deadline of one week?', 'Can we extend the deadline by one week?'],
    [
      'It is in Leeds on next July. On last May 1, we met.',
      'It is in Leeds next July. Last May 1, we met.',
    ],
    ['The figures in the table 3 show it.', 'The figures in table 3 show it.'],
    ['Each of the departments have to report.', 'Each of the departments has to report.'],
    ['The students which participated were happy.', 'The students who participated were happy.'],
    ['Because of the price is too high, we left.', 'Because the price is too high, we left.'],
    ['The manager suggested us to postpone it.', 'The manager suggested that we postpone it.'],
    ['That is why we must to revise our offer.', 'That is why we must revise our offer.'],
    ['I felled off my bike.', 'I fell off my bike.'],
    ['It begun at eleven.', 'It began at eleven.'],
    ['He stole it while I looking at the map.', 'He stole it while I was looking at the map.'],
    ['Before two years I moved to Canada.', 'Two years ago I moved to Canada.'],
    ['In last summer we went to Seville.', 'Last summer we went to Seville.'],
    ['Yesterday night we danced.', 'Last night we danced.'],
    ['Everything were very big.', 'Everything was very big.'],
    ['We used to go at the beach.', 'We used to go to the beach.'],
    ['We stayed by my aunt for a week.', 'We stayed with my aunt for a week.'],
    ['The plane landed to Tokyo at ten.', 'The plane landed in Tokyo at ten.'],
    ['I went to doctor because I was ill.', 'I went to the doctor because I was ill.'],
    ['We could see the all city.', 'We could see the whole city.'],
    [
      "I didn't study the weak before. I was ill last weak.",
      "I didn't study the week before. I was ill last week.",
    ],
    ['There was not internet in my village.', 'There was no internet in my village.'],
    ['I was very proud of me.', 'I was very proud of myself.'],
    ['I forgot my.', 'I forgot mine.'],
    ['It is about an old man which lives alone.', 'It is about an old man who lives alone.'],
    ['I was so exited when I saw the sea.', 'I was so excited when I saw the sea.'],
    ["He asked us: 'Where you want to go?'", "He asked us: 'Where do you want to go?'"],
    ['She asked me where was I going.', 'She asked me where I was going.'],
    ['His family is not agree.', 'His family does not agree.'],
    ['I was on the work when she called.', 'I was at work when she called.'],
    ['I found it in the internet yesterday.', 'I found it on the internet yesterday.'],
    ['He has much experiences with computers.', 'He has much experience with computers.'],
    ['We discussed this problem on the meeting.', 'We discussed this problem at the meeting.'],
    ['I became a new bike from my parents.', 'I got a new bike from my parents.'],
    ['Send me the documents until Friday, please.', 'Send me the documents by Friday, please.'],
    ["It's the first time that I visit London.", "It's the first time that I have visited London."],
    ['Kindly revert back to me soon.', 'Kindly get back to me soon.'],
    ['Today morning I missed the bus.', 'This morning I missed the bus.'],
    ['My cousin brother is coming.', 'My cousin is coming.'],
    ['Myself Ravi Kumar, an engineer.', 'I am Ravi Kumar, an engineer.'],
    ['Can you tell me your good name?', 'Can you tell me your name?'],
    ['We went for a trip to Goa.', 'We went on a trip to Goa.'],
    ['The food was very much good.', 'The food was very good.'],
    [
      'I have assisted to a very interesting conference.',
      'I have attended a very interesting conference.',
    ],
    ['Does anybody knows a good dentist?', 'Does anybody know a good dentist?'],
    ["The waiter didn't even said sorry.", "The waiter didn't even say sorry."],
    ['Who want to join me for a run?', 'Who wants to join me for a run?'],
    ['It is the most tasty kebab in town.', 'It is the tastiest kebab in town.'],
    ['Wish me a luck!', 'Wish me luck!'],
    ['I arrived to work one hour late.', 'I arrived at work one hour late.'],
    ['The desert was too sweet.', 'The dessert was too sweet.'],
    ['The rent is 450 euros for month.', 'The rent is 450 euros a month.'],
    ['I spent whole afternoon in the pool.', 'I spent the whole afternoon in the pool.'],
    ['Last night concert was great.', "Last night's concert was great."],
    ['We are waiting the bus.', 'We are waiting for the bus.'],
    ['It is hot here and it rain a lot.', 'It is hot here and it rains a lot.'],
    ['Please fill the questionnaire.', 'Please fill in the questionnaire.'],
    [
      'As I mentioned you in my e-mail, it is late.',
      'As I mentioned to you in my e-mail, it is late.',
    ],
    [
      'We cannot deliver in the date you requested.',
      'We cannot deliver on the date you requested.',
    ],
    ['The main findings of the study is clear.', 'The main findings of the study are clear.'],
    ['I am interested to participate in it.', 'I am interested in participating in it.'],
    ['Cut the onions in small peaces.', 'Cut the onions in small pieces.'],
    ['Turn left and walk strait on.', 'Turn left and walk straight on.'],
    ['The church is on you left.', 'The church is on your left.'],
    ['It is specialized on solar energy.', 'It is specialized in solar energy.'],
  ])('%s', (text, corrected) => {
    expect(withLearnerGrammar(text)).toBe(corrected);
  });

  it('leaves what is right in some reading', () => {
    for (const text of [
      'Thanks for visiting the site. It is used to cut paper. I have never come here.',
      'What I think is important is this, and the option which I think is better.',
      'Can I split the leave, like take some at the start? We need sleep to function.',
      'At the close of business; with a view to the sale; in other words; in the way of progress.',
      'He had two grey hairs. A lot of works by Picasso. Different vocabularies express it.',
      'Could you to the station? The better of the two. Many years in many places has been spent.',
      'Read it in the weekend edition. Such good ideas that we kept them.',
      'The people where I live are nice; the places where very few go. We went to expensive bars.',
      'Thanks for any advice you have. Some times are harder than others.',
      'We all accept the terms. It is quite in keeping with the plan, and the hole in the wall.',
      'It is more important that we act. Let us remember that the first year was hard.',
      'It seems consistent to apply it. It is transformed in a continuous manner.',
      'Because of that you are different. He invested on behalf of the fund. See the table below.',
      'It has been already done, as the evidences of fraud show.',
      'They felled the tree. The work begun last year goes on. The song sung by her was long.',
      'It was in last year’s report. It was as if everything were new. Oh my.',
      'The protection of the weak before the law. Reservation lands to Indians. The first rung.',
      'When you need advice, what better place to turn? Tune in next week.',
      'It has grown to become the answer. He became a new man. A shift in the Internet standards battle.',
      'It is on the meeting agenda. We stayed until Friday. I am very much interested.',
      'Can you propose me a good restaurant? We went for a walk.',
      'It was most kind of you. We crossed the desert. The most friendly relations continue.',
      'The reports for the last year show fewer strikes. The part that does it is this line.',
      'It cost a lot. I made it work. Does it help? If it see fit, it may. It need scarcely be said.',
      "I'd be interested to learn more. You don't know the half of it. As never before to serve.",
    ]) {
      expect(withLearnerGrammar(text)).toBe(text);
    }
  });
});
