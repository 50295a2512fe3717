using Microsoft.ML.Tokenizers;

namespace Sora.Inference.Onnx.Pipeline;

/// <summary>Prompt → a fixed-length row of WordPiece token ids ([CLS] … [SEP], then padding), as the denoiser takes them.</summary>
public sealed class PromptTokenizer
{
    private readonly BertTokenizer _tokenizer;

    public PromptTokenizer(string vocabularyFile, int length)
    {
        if (length < 2) throw new OnnxModelException($"the text length must be at least 2 tokens, not {length}");
        try
        {
            _tokenizer = BertTokenizer.Create(vocabularyFile);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or FormatException or IOException)
        {
            throw new OnnxModelException($"{vocabularyFile} is not a WordPiece vocabulary: {e.Message}", e);
        }
        Length = length;
    }

    public int Length { get; }

    /// <summary>Too long a prompt keeps its first tokens and still ends with [SEP].</summary>
    public long[] Encode(string prompt)
    {
        var ids = _tokenizer.EncodeToIds(prompt);
        var row = new long[Length];
        Array.Fill(row, _tokenizer.PaddingTokenId);
        var kept = Math.Min(ids.Count, Length);
        for (var i = 0; i < kept; i++) row[i] = ids[i];
        if (ids.Count > Length) row[Length - 1] = _tokenizer.SeparatorTokenId;
        return row;
    }
}
