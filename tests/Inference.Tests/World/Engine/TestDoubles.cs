using System.Numerics;
using Sora.Inference.World.Scene;

namespace Sora.Inference.Tests.World.Engine;

/// <summary>Draws each body centre as one pixel whose brightness is its depth: enough to see motion and determinism.</summary>
internal sealed class CentreDepthRenderer : IFrameRenderer
{
    public int Calls { get; private set; }
    public Action<int>? AfterFrame { get; init; }

    public void Render(SceneLook look, SceneFrame frame, Span<byte> rgb24)
    {
        Calls++;
        rgb24.Fill(16);
        var camera = frame.Camera;
        var forward = Vector3.Normalize(camera.Target - camera.Position);
        var right = Vector3.Normalize(Vector3.Cross(forward, Vector3.UnitY));
        var up = Vector3.Cross(right, forward);
        var focal = look.Height / 2f / MathF.Tan(camera.FovDegrees * MathF.PI / 360);
        foreach (var body in frame.Bodies)
        {
            var relative = body.Position - camera.Position;
            var depth = Vector3.Dot(relative, forward);
            if (depth <= 0.05f) continue;
            var x = (int)(look.Width / 2f + Vector3.Dot(relative, right) / depth * focal);
            var y = (int)(look.Height / 2f - Vector3.Dot(relative, up) / depth * focal);
            if (x < 0 || y < 0 || x >= look.Width || y >= look.Height) continue;
            var value = (byte)Math.Clamp(255 - depth * 10, 32, 255);
            var at = (y * look.Width + x) * 3;
            rgb24[at] = value;
            rgb24[at + 1] = (byte)(body.EntityId * 40);
            rgb24[at + 2] = value;
        }
        AfterFrame?.Invoke(frame.Index);
    }
}

/// <summary>Writes a click (1.0) at the first sample of every event in range, both channels; silence elsewhere.</summary>
internal sealed class ClickSynthesizer : ISoundSynthesizer
{
    public List<SoundEvent> LastEvents { get; } = [];

    public void Render(SceneLook look, IReadOnlyList<SoundEvent> events, Func<double, CameraPose> listener, long startSample, int count, long seed, Span<float> interleaved)
    {
        interleaved.Clear();
        LastEvents.Clear();
        LastEvents.AddRange(events);
        foreach (var e in events)
        {
            var sample = (long)Math.Round(e.Time * 48000) - startSample;
            if (sample < 0 || sample >= count) continue;
            interleaved[(int)sample * 2] = 1;
            interleaved[(int)sample * 2 + 1] = 1;
        }
        _ = listener(startSample / 48000.0);
    }
}
