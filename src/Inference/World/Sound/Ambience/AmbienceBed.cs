using Sora.Inference.World.Scene;
using Sora.Inference.World.Sound.Dsp;

namespace Sora.Inference.World.Sound.Ambience;

/// <summary>Chooses the layers of an environment's background for its time of day and weather.</summary>
internal static class AmbienceBed
{
    public static IReadOnlyList<IAmbienceLayer> Compose(SceneLook look, long seed)
    {
        var key = NoiseHash.Combine((ulong)seed, 0xA3B1E4CE);
        ulong Layer(ulong n) => NoiseHash.Combine(key, n);
        var time = (look.TimeOfDay ?? "day").ToLowerInvariant();
        var night = time == "night";
        var weather = (look.Weather ?? "clear").ToLowerInvariant();
        var layers = new List<IAmbienceLayer>();

        void Wildlife(float level)
        {
            if (night) layers.Add(new CricketsLayer(Layer(1), level * 0.5f));
            else layers.Add(new BirdsLayer(Layer(2), level, time == "sunset" ? 0.6 : time == "dawn" ? 2.2 : 1.4));
        }

        var environment = (look.Environment ?? "").ToLowerInvariant();
        var indoors = environment is "kitchen" or "room";
        switch (environment)
        {
            case "beach":
                layers.Add(new SurfLayer(Layer(3), 0.25f));
                layers.Add(new WindLayer(Layer(4), 0.05f, 1200, 0.6, 0.5, 5));
                break;
            case "lake":
                layers.Add(new WaterLapLayer(Layer(5), 0.12f));
                layers.Add(new WindLayer(Layer(6), 0.016f, 900, 0.7, 0.5, 6));
                Wildlife(0.1f);
                break;
            case "forest":
                layers.Add(new WindLayer(Layer(7), 0.03f, 2600, 0.8, 0.7, 4));
                Wildlife(0.15f);
                break;
            case "street":
                layers.Add(new TrafficLayer(Layer(8), 0.09f, 22, 1.0));
                break;
            case "city_night":
                layers.Add(new TrafficLayer(Layer(9), 0.1f, 8, 0.4));
                break;
            case "kitchen":
                layers.Add(new RoomToneLayer(Layer(10), 0.018f, 100));
                break;
            case "room":
                layers.Add(new RoomToneLayer(Layer(11), 0.03f, 0));
                break;
            case "desert":
                layers.Add(new WindLayer(Layer(12), 0.15f, 800, 0.6, 0.8, 5));
                break;
            case "snow":
                layers.Add(new WindLayer(Layer(13), 0.18f, 380, 1.2, 0.5, 7));
                break;
            case "mountains":
                layers.Add(new WindLayer(Layer(14), 0.2f, 260, 0.8, 1.0, 4));
                break;
            case "underwater":
                layers.Add(new UnderwaterLayer(Layer(15), 0.12f));
                return layers;
            case "space":
                // Space is silent; a whisper of room tone keeps the track from being digital zero.
                layers.Add(new RoomToneLayer(Layer(16), 0.00015f, 0));
                return layers;
            default:
                layers.Add(new WindLayer(Layer(17), 0.08f, 700, 0.7, 0.5, 5));
                break;
        }

        if (weather == "rain") layers.Add(new RainLayer(Layer(18), indoors ? 0.04f : 0.07f, muffled: indoors));
        return layers;
    }
}
