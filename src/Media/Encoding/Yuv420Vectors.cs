namespace Sora.Media.Encoding;

/// <summary>The vector width <see cref="Yuv420Converter"/> converts with; each path gives the scalar path's bytes.</summary>
internal enum Yuv420Vectors
{
    /// <summary>The scalar path only.</summary>
    None = 0,

    /// <summary>SSSE3 and SSE4.1: sixteen pixels a step (<see cref="Yuv420RowPairVector"/>).</summary>
    Bits128 = 128,

    /// <summary>AVX2: 32 pixels a step (<see cref="Yuv420RowPairAvx2"/>), then 128-bit steps.</summary>
    Bits256 = 256,
}
