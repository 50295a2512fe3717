using Microsoft.ML.OnnxRuntime;

namespace Sora.Inference.Onnx.Pipeline;

/// <summary>One float output of one session run, copied out so the native buffers are freed at once.</summary>
public sealed record TensorResult(float[] Values, long[] Shape);

/// <summary>Runs a session with named inputs and one named float output; cancelling the token stops a run in progress.</summary>
internal static class OnnxSessionRunner
{
    public static TensorResult Run(InferenceSession session, string file, IReadOnlyList<(string Name, OrtValue Value)> inputs, string output,
        CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var runOptions = new RunOptions();
        using var stop = cancellationToken.Register(() => runOptions.Terminate = true);
        try
        {
            using var results = session.Run(runOptions, inputs.Select(i => i.Name).ToList(), inputs.Select(i => i.Value).ToList(), [output]);
            var tensor = results[0];
            return new TensorResult(tensor.GetTensorDataAsSpan<float>().ToArray(), tensor.GetTensorTypeAndShape().Shape);
        }
        catch (OnnxRuntimeException) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException(cancellationToken);
        }
        catch (OnnxRuntimeException e)
        {
            throw new OnnxModelException($"{file} failed to run: {e.Message}", e);
        }
    }
}
