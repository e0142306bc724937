namespace Parity.Harness.Snapshots;

/// <summary>A snapshot that is new or changed, as Verify's <c>VerifyException</c>: the message says what and how to accept it.</summary>
internal sealed class VerifyException(string message) : Exception(message)
{
    /// <summary>Empty: the message is the whole story, the verifier's frames are noise.</summary>
    public override string StackTrace => "";
}
