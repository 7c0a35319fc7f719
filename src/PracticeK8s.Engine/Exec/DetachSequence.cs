namespace PracticeK8s.Engine.Exec;

/// <summary>
/// Watches typed keys for the detach sequence Ctrl+P, Ctrl+Q (as docker attach): the Ctrl+P is held
/// back until the next key shows whether it starts the sequence; any other key sends both on.
/// </summary>
public sealed class DetachSequence
{
    private const byte CtrlP = 0x10, CtrlQ = 0x11;
    private bool _pendingCtrlP;

    /// <summary>The bytes to send now, and whether the sequence is complete (then nothing is sent).</summary>
    public (byte[] Send, bool Detached) Push(byte[] key)
    {
        if (_pendingCtrlP)
        {
            _pendingCtrlP = false;
            if (key is [CtrlQ])
                return ([], true);
            if (key is [CtrlP])
            {
                _pendingCtrlP = true;
                return ([CtrlP], false);
            }
            return ([CtrlP, .. key], false);
        }
        if (key is [CtrlP])
        {
            _pendingCtrlP = true;
            return ([], false);
        }
        return (key, false);
    }
}
