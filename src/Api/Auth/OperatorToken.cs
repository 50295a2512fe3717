using System.Security.Cryptography;
using System.Text;

namespace Sora.Api.Auth;

/// <summary>
/// The secret that makes a caller an operator. Created at first start as <c>operator.token</c> in the data
/// folder, readable by its owner only.
/// </summary>
public sealed class OperatorToken
{
    public const string FileName = "operator.token";
    public const string Prefix = "sora_op_";

    private readonly byte[] _secret;

    private OperatorToken(string value) => _secret = Encoding.UTF8.GetBytes(value);

    public static OperatorToken LoadOrCreate(string dataDirectory)
    {
        Directory.CreateDirectory(dataDirectory);
        var path = Path.Combine(dataDirectory, FileName);
        if (File.Exists(path)) return new OperatorToken(File.ReadAllText(path).Trim());

        var value = Prefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        try
        {
            using var file = new StreamWriter(path, Encoding.ASCII, options);
            file.Write(value);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process of this data folder wrote it first; theirs is the token.
            return new OperatorToken(File.ReadAllText(path).Trim());
        }
        return new OperatorToken(value);
    }

    public bool Matches(string? candidate) =>
        candidate is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(candidate), _secret);
}
