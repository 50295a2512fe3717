using System.Security.Cryptography;
using System.Text;

namespace Sora.Api.Auth;

/// <summary>A random secret kept in a file that only its owner may read (mode 0600), created on first use.</summary>
internal static class SecretFile
{
    public static byte[] LoadOrCreate(string path, int bytes)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        if (File.Exists(path)) return Read(path);

        var value = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(bytes));
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        try
        {
            using var file = new StreamWriter(path, Encoding.ASCII, options);
            file.Write(value);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process of this data folder wrote it first; theirs is the secret.
            return Read(path);
        }
        return Convert.FromHexString(value);
    }

    private static byte[] Read(string path) => Convert.FromHexString(File.ReadAllText(path).Trim());
}
