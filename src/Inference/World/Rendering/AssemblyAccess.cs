using System.Runtime.CompilerServices;

// Tests read the renderer's item buffer to compare silhouettes across styles.
[assembly: InternalsVisibleTo("Sora.Inference.Tests")]
