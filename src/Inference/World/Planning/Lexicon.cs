namespace Sora.Inference.World.Planning;

/// <summary>What a prompt word means to the planner.</summary>
public enum WordClass { Entity, Color, Material, Environment, TimeOfDay, Weather, Camera, Action, Style, Into, Toward, Over, MadeOf, From, Onto, Count, Big, Small, Filler }

/// <summary>One understood word: its class and the canonical value it stands for.</summary>
public readonly record struct Meaning(WordClass Class, string Value);

/// <summary>English and German words (and a few phrases) mapped onto the catalog's canonical names.</summary>
public static class Lexicon
{
    // Lazy because the word tables below are initialised after this field in textual order.
    private static readonly Lazy<Dictionary<string, Meaning>> Words = new(Build);

    /// <summary>Multi-word phrases are joined into one token before lookup.</summary>
    public static readonly (string Phrase, string Token)[] Phrases =
    [
        ("close up", "close-up"), ("slow motion", "slow-motion"), ("dolly in", "dolly-in"), ("low angle", "low-angle"),
        ("pixel art", "pixel-art"), ("knock over", "knock-over"), ("knocks over", "knock-over"), ("knocked over", "knock-over"),
        ("point of view", "pov"), ("first person", "pov"), ("at night", "night"), ("in the night", "night"),
        ("city at night", "city-night"), ("jumps in .", "jumps into ."), ("jump in .", "jump into ."),
        ("jumps in and", "jumps into and"), ("springt hinein", "springt into"), ("falls over", "knock-over"),
        ("zu boden", "ground"), ("in den", "into"), ("in die", "into"), ("made of", "made-of"), ("drone shot", "drone-shot"),
        ("drone view", "drone-shot"), ("bird's eye view", "drone-shot"), ("birds eye view", "drone-shot"), ("in zeitlupe", "slow-motion"), ("bei nacht", "night"), ("in der nacht", "night"),
        ("explodes into pieces", "explode"), ("zerspringt in stücke", "explode"), ("in stücke", "pieces"),
        ("unter wasser", "underwater"), ("outer space", "space"), ("hand held", "handheld"),
    ];

    public static bool TryGet(string word, out Meaning meaning)
    {
        if (Words.Value.TryGetValue(word, out meaning)) return true;
        // German and English inflections: try the stem before giving up.
        foreach (var suffix in Suffixes)
        {
            if (word.Length > suffix.Length + 2 && word.EndsWith(suffix, StringComparison.Ordinal)
                && Words.Value.TryGetValue(word[..^suffix.Length], out meaning))
                return true;
        }
        return false;
    }

    private static readonly string[] Suffixes = ["es", "en", "er", "em", "e", "s", "n", "t", "st", "ing", "ed", "d"];

    private static Dictionary<string, Meaning> Build()
    {
        var map = new Dictionary<string, Meaning>(StringComparer.Ordinal);
        void Add(WordClass cls, string value, string words)
        {
            foreach (var word in words.Split(' ', StringSplitOptions.RemoveEmptyEntries)) map[word] = new Meaning(cls, value);
        }
        foreach (var (value, words) in EntityWords) Add(WordClass.Entity, value, words);
        foreach (var (value, words) in ColorWords) Add(WordClass.Color, value, words);
        foreach (var (value, words) in MaterialWords) Add(WordClass.Material, value, words);
        foreach (var (value, words) in EnvironmentWords) Add(WordClass.Environment, value, words);
        foreach (var (value, words) in TimeWords) Add(WordClass.TimeOfDay, value, words);
        foreach (var (value, words) in WeatherWords) Add(WordClass.Weather, value, words);
        foreach (var (value, words) in CameraWords) Add(WordClass.Camera, value, words);
        foreach (var (value, words) in ActionWords) Add(WordClass.Action, value, words);
        foreach (var (value, words) in StyleWords) Add(WordClass.Style, value, words);
        foreach (var (value, words) in CountWords) Add(WordClass.Count, value, words);
        Add(WordClass.Into, "into", "into hinein rein ins");
        Add(WordClass.Toward, "to", "to towards toward zum zur nach zu");
        Add(WordClass.Over, "over", "um");
        Add(WordClass.MadeOf, "of", "aus made-of");
        Add(WordClass.From, "from", "from off vom von herunter");
        Add(WordClass.Onto, "onto", "onto auf");
        Add(WordClass.Big, "big", "big large huge giant tall groß große großer großes grosse riesig riesige");
        Add(WordClass.Small, "small", "small little tiny tiny klein kleine kleiner kleines winzig");
        Add(WordClass.Filler, "", Filler);
        return map;
    }

    private static readonly (string, string)[] EntityWords =
    [
        ("person", "person people someone somebody human person mensch jemand leute"), ("man", "man guy mann"),
        ("woman", "woman lady girl frau mädchen"), ("child", "child kid boy kind junge kinder kids children"),
        ("robot", "robot roboter"), ("dog", "dog puppy hund hündchen welpe"), ("cat", "cat kitten katze kätzchen"),
        ("horse", "horse pferd"), ("cow", "cow kuh"), ("sheep", "sheep schaf"), ("rabbit", "rabbit bunny hase kaninchen"),
        ("bird", "bird vogel"), ("duck", "duck ente"), ("fish", "fish fisch"), ("car", "car auto wagen"),
        ("bus", "bus"), ("truck", "truck lorry lastwagen lkw"), ("bicycle", "bicycle bike fahrrad rad"),
        ("boat", "boat boot"), ("airplane", "airplane plane aircraft flugzeug"), ("drone", "drone drohne"),
        ("ball", "ball football fußball"), ("balloon", "balloon ballon luftballon"), ("glass", "glass glas"),
        ("vase", "vase"), ("cup", "cup mug tasse becher"), ("bottle", "bottle flasche"), ("plate", "plate teller"),
        ("chair", "chair stuhl"), ("table", "table tisch"), ("box", "box karton kiste schachtel"), ("crate", "crate"),
        ("cube", "cube block würfel klotz"), ("barrel", "barrel fass"), ("book", "book buch"), ("lamp", "lamp lampe"),
        ("tree", "tree baum"), ("bush", "bush busch strauch"), ("flower", "flower blume"), ("rock", "rock boulder fels felsen"),
        ("stone", "stone pebble stein kiesel"), ("apple", "apple apfel"), ("orange", "orange"),
        ("cake", "cake kuchen torte"), ("bench", "bench bank"), ("umbrella", "umbrella schirm regenschirm sonnenschirm"),
        ("kite", "kite drachen"), ("snowman", "snowman schneemann"), ("guitar", "guitar gitarre"), ("pot", "pot topf"),
    ];

    private static readonly (string, string)[] ColorWords =
    [
        ("red", "red rot rote roter rotes roten"), ("green", "green grün grüne grüner grünes grünen"),
        ("blue", "blue blau blaue blauer blaues blauen"), ("yellow", "yellow gelb gelbe gelber gelbes gelben"),
        ("purple", "purple violet lila violett"), ("pink", "pink rosa"), ("brown", "brown braun braune brauner braunes braunen"),
        ("black", "black schwarz schwarze schwarzer schwarzes schwarzen"), ("white", "white weiß weiße weißer weißes weißen"),
        ("gray", "gray grey grau graue grauer graues grauen"), ("silver", "silver silbern silberne silberner"),
        ("gold", "golden gold goldene goldener goldenes"), ("turquoise", "turquoise türkis"),
    ];

    private static readonly (string, string)[] MaterialWords =
    [
        ("rubber", "rubber gummi"), ("wood", "wooden wood holz hölzern hölzerne"), ("metal", "metal metallic steel iron metall stahl eisern"),
        ("glass", "glassy gläsern gläserne"), ("ceramic", "ceramic porcelain keramik porzellan"), ("stone", "stony steinern"),
        ("plastic", "plastic plastik kunststoff"), ("paper", "paper papier"), ("ice", "ice eis"),
    ];

    private static readonly (string, string)[] EnvironmentWords =
    [
        ("beach", "beach shore coast sea ocean strand meer küste ozean"), ("lake", "lake pond pool water see teich weiher wasser"),
        ("street", "street road straße strasse"), ("forest", "forest woods wald"), ("kitchen", "kitchen küche"),
        ("room", "room living-room bedroom indoors zimmer raum wohnzimmer"), ("desert", "desert wüste"),
        ("snow", "snowy winter verschneit verschneiten"), ("mountains", "mountain mountains hill hills berg berge gebirge hügel"),
        ("city_night", "city-night city town stadt"), ("space", "space weltraum weltall"),
        ("underwater", "underwater unterwasser"),
    ];

    private static readonly (string, string)[] TimeWords =
    [
        ("dawn", "dawn sunrise morning morgen morgens sonnenaufgang"), ("day", "day noon daytime tag mittag tags"),
        ("sunset", "sunset evening dusk abend abends sonnenuntergang"), ("night", "night nacht nachts midnight"),
    ];

    private static readonly (string, string)[] WeatherWords =
    [
        ("clear", "sunny clear sonnig klar"), ("cloudy", "cloudy overcast bewölkt wolkig"),
        ("rain", "rain rainy raining regen regnet regnerisch"), ("snow", "snow snowing schnee schneit"),
        ("fog", "fog foggy mist misty nebel neblig"),
    ];

    private static readonly (string, string)[] CameraWords =
    [
        ("wide", "wide establishing totale weitwinkel"), ("close_up", "close-up closeup nahaufnahme großaufnahme"),
        ("tracking", "tracking follows following verfolgt kamerafahrt tracking-shot"), ("orbit", "orbit orbiting circling umkreist kreisend"),
        ("dolly_in", "dolly-in zoom push-in ranfahrt heranfahrt"), ("drone", "aerial drone-shot luftaufnahme vogelperspektive"),
        ("handheld", "handheld shaky wackelig handkamera"), ("low_angle", "low-angle froschperspektive untersicht"),
        ("pov", "pov ego-perspektive egoperspektive"), ("slow_motion", "slow-motion slowmo zeitlupe"),
    ];

    private static readonly (string, string)[] ActionWords =
    [
        ("walk_to", "walk walks walking goes go geht gehen läuft spaziert"), ("run_to", "run runs running races sprints rennt rennen renne sprintet"),
        ("jump", "jump jumps jumping leaps hops springt springen hüpft"), ("fall", "fall falls falling drops dropped drop fällt fallen stürzt"),
        ("bounce", "bounce bounces bouncing hopst prallt"), ("roll", "roll rolls rolling rollt rollen kullert"),
        ("throw", "throw throws throwing tosses wirft werfen"), ("catch", "catch catches fängt fangen"),
        ("pour", "pour pours gießt schüttet"), ("knock_over", "knock-over topples umwerfen umstoßen"),
        ("drive", "drive drives driving fährt fahren"), ("fly", "fly flies flying floats floating hovers fliegt fliegen schwebt"),
        ("swim", "swim swims swimming schwimmt schwimmen"), ("dance", "dance dances dancing tanzt tanzen"),
        ("wave", "wave waves waving winkt winken"), ("sit", "sit sits sitting sitzt sitzen setzt"),
        ("push", "push pushes shoves schiebt stößt schubst drückt"), ("kick", "kick kicks kickt tritt schießt"),
        ("spin", "spin spins spinning turns twirls dreht dreht kreiselt"), ("stack", "stack stacks stacking stapelt stapeln"),
        ("slide", "slide slides sliding rutscht gleitet schlittert"), ("splash", "splash splashes spritzt planscht platscht"),
        ("explode", "explode explodes shatter shatters breaks smashes explodiert zerspringt zerbricht zerschellt bricht"),
    ];

    private static readonly (string, string)[] StyleWords =
    [
        ("cinematic", "cinematic film movie filmisch kinoreif"), ("anime", "anime manga"), ("cartoon", "cartoon comic zeichentrick"),
        ("claymation", "claymation clay knete knetanimation"), ("watercolor", "watercolor watercolour aquarell"),
        ("pixel_art", "pixel-art pixel retro 8-bit"), ("noir", "noir film-noir schwarzweiß black-and-white"),
        ("sketch", "sketch drawing pencil skizze bleistift zeichnung"),
    ];

    private static readonly (string, string)[] CountWords =
    [
        ("2", "two pair zwei paar"), ("3", "three drei"), ("4", "four vier"), ("5", "five fünf"),
    ];

    private const string Filler =
        "a an the and then of with on in at by its it his her their them they he she is are was be while some very " +
        "up down away around across through over under near next behind front top side " +
        "ein eine einer einen einem eines der die das den dem des und dann mit im in am an beim bei " +
        "es sie er ihn ihm ihr ihre sein seine ist sind war wird während sehr hin her herum davon über unter neben " +
        "vor hinter durch dabei wieder gegen style stil shot aufnahme scene szene view ansicht camera kamera " +
        "as like wie als slowly quickly fast schnell langsam happily fröhlich together zusammen each other einander there dort " +
        "says say said saying shouts shouted sings whispers calls sagt ruft singt flüstert spricht sprechen " +
        "himself herself sich pieces stücke floor ground boden along down entlang hinunter hinab runter hinauf . ,";
}
