using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Sora.Media.Provenance;

/// <summary>The C2PA signing key with its certificate chain (leaf first, then intermediate); the root is kept only to say who issued it.</summary>
public sealed class SigningCredentials : IDisposable
{
    public const string DocumentSigningOid = "1.3.6.1.5.5.7.3.36";
    public const string EmailProtectionOid = "1.3.6.1.5.5.7.3.4";

    private SigningCredentials(ECDsa key, IReadOnlyList<X509Certificate2> chain)
    {
        Key = key;
        Chain = chain;
    }

    public ECDsa Key { get; }
    /// <summary>Leaf first; the root CA is not included (verifiers bring their own trust anchors).</summary>
    public IReadOnlyList<X509Certificate2> Chain { get; }
    public X509Certificate2 Leaf => Chain[0];

    /// <summary>The configured PEM files when both are given, else the local CA of the data folder.</summary>
    public static SigningCredentials Load(SigningKeyOptions options)
    {
        var (chain, key) = (options.CertificateChainPemPath, options.PrivateKeyPemPath);
        if (chain is null && key is null) return LoadOrCreate(options.DataDirectory, options.Organization);
        if (chain is null || key is null) throw new MediaFormatException("keys.incomplete", "give both the certificate chain PEM and the private key PEM, or neither");
        if (!File.Exists(chain)) throw new MediaFormatException("keys.missing", $"certificate chain not found: {chain}");
        if (!File.Exists(key)) throw new MediaFormatException("keys.missing", $"private key not found: {key}");
        var credentials = FromPemFiles(chain, key);
        if (C2paReader.CertificateProfileProblem(credentials.Leaf) is { } problem)
        {
            credentials.Dispose();
            throw new MediaFormatException("keys.invalid", $"the configured signing certificate cannot sign C2PA manifests: {problem}");
        }
        return credentials;
    }

    /// <summary>Loads <c>&lt;data&gt;/keys/signer.pem</c> + <c>signer.key</c>, creating a local root CA, intermediate and signer at first run.</summary>
    public static SigningCredentials LoadOrCreate(string dataDirectory, string organization = "Sora (self-hosted)")
    {
        var keys = Path.Combine(dataDirectory, "keys");
        var chainPath = Path.Combine(keys, "signer.pem");
        var keyPath = Path.Combine(keys, "signer.key");
        if (File.Exists(chainPath) && File.Exists(keyPath)) return FromPemFiles(chainPath, keyPath);
        Directory.CreateDirectory(keys);
        CreateChain(keys, organization);
        return FromPemFiles(chainPath, keyPath);
    }

    /// <summary>Loads a PEM chain (leaf first, then intermediates) and a PEM private key (EC P-256).</summary>
    public static SigningCredentials FromPemFiles(string chainPemPath, string keyPemPath)
    {
        var certificates = new X509Certificate2Collection();
        var key = ECDsa.Create();
        try
        {
            certificates.ImportFromPemFile(chainPemPath);
            key.ImportFromPem(File.ReadAllText(keyPemPath));
        }
        catch (Exception error) when (error is CryptographicException or ArgumentException)
        {
            key.Dispose();
            throw new MediaFormatException("keys.invalid", $"cannot read the PEM files ({error.Message})");
        }
        if (certificates.Count == 0) throw new MediaFormatException("keys.invalid", $"no certificate in {chainPemPath}");
        var leafKey = certificates[0].GetECDsaPublicKey() ?? throw new MediaFormatException("keys.invalid", "the signing certificate has no EC key");
        if (!leafKey.ExportSubjectPublicKeyInfo().AsSpan().SequenceEqual(key.ExportSubjectPublicKeyInfo()))
            throw new MediaFormatException("keys.invalid", "the private key does not match the signing certificate");
        return new SigningCredentials(key, certificates.ToList());
    }

    private static void CreateChain(string keys, string organization)
    {
        var now = DateTimeOffset.UtcNow.AddMinutes(-5);
        using var rootKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var rootRequest = new CertificateRequest($"CN=Sora Local Root CA, O={organization}", rootKey, HashAlgorithmName.SHA256);
        rootRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        rootRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        rootRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(rootRequest.PublicKey, false));
        using var root = rootRequest.CreateSelfSigned(now, now.AddYears(20));

        using var intermediateKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var intermediateRequest = new CertificateRequest($"CN=Sora Signing CA, O={organization}", intermediateKey, HashAlgorithmName.SHA256);
        intermediateRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
        intermediateRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        intermediateRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(intermediateRequest.PublicKey, false));
        intermediateRequest.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(root, true, false));
        using var intermediatePublic = intermediateRequest.Create(root, now, now.AddYears(10), RandomSerial());
        using var intermediate = intermediatePublic.CopyWithPrivateKey(intermediateKey);

        using var leafKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var leafRequest = new CertificateRequest($"CN=Sora C2PA Signer, O={organization}", leafKey, HashAlgorithmName.SHA256);
        leafRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        leafRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        leafRequest.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(DocumentSigningOid), new Oid(EmailProtectionOid)], false));
        leafRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(leafRequest.PublicKey, false));
        leafRequest.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(intermediate, true, false));
        using var leaf = leafRequest.Create(intermediate, now, now.AddYears(2), RandomSerial());

        File.WriteAllText(Path.Combine(keys, "root-ca.pem"), root.ExportCertificatePem() + "\n");
        WritePrivate(Path.Combine(keys, "root-ca.key"), rootKey.ExportPkcs8PrivateKeyPem());
        File.WriteAllText(Path.Combine(keys, "intermediate.pem"), intermediate.ExportCertificatePem() + "\n");
        WritePrivate(Path.Combine(keys, "intermediate.key"), intermediateKey.ExportPkcs8PrivateKeyPem());
        File.WriteAllText(Path.Combine(keys, "signer.pem"), leaf.ExportCertificatePem() + "\n" + intermediate.ExportCertificatePem() + "\n");
        WritePrivate(Path.Combine(keys, "signer.key"), leafKey.ExportPkcs8PrivateKeyPem());
    }

    private static void WritePrivate(string path, string pem)
    {
        // Create the file with 0600 before any secret byte reaches it.
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using var stream = new FileStream(path, options);
        using var writer = new StreamWriter(stream);
        writer.Write(pem + "\n");
    }

    private static byte[] RandomSerial()
    {
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F;
        return serial;
    }

    public void Dispose()
    {
        Key.Dispose();
        foreach (var certificate in Chain) certificate.Dispose();
    }
}
