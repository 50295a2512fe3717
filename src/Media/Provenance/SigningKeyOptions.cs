namespace Sora.Media.Provenance;

/// <summary>Where the C2PA signing key comes from: PEM files named in configuration, else a local CA created in the data folder.</summary>
public sealed record SigningKeyOptions
{
    /// <summary>Data folder holding <c>keys/</c> for the generated local CA.</summary>
    public required string DataDirectory { get; init; }
    /// <summary>PEM certificate chain, leaf first (with <see cref="PrivateKeyPemPath"/>); replaces the local CA.</summary>
    public string? CertificateChainPemPath { get; init; }
    /// <summary>PEM private key (PKCS#8 or SEC1, EC P-256) of the leaf certificate.</summary>
    public string? PrivateKeyPemPath { get; init; }
    /// <summary>Organization named in the local CA's certificates.</summary>
    public string Organization { get; init; } = "Sora (self-hosted)";
}
