using PracticeK8s.Sandbox.Storage;

namespace PracticeK8s.Sandbox.Security;

/// <summary>A bound token is valid while its service account and pod (the same objects, by uid) exist.</summary>
public static class BoundTokens
{
    public static bool StillBound(ObjectStore store, ServiceAccountClaims claims)
    {
        if (store.Get("/serviceaccounts", claims.Namespace, claims.ServiceAccountName) is not { } sa || sa.Uid != claims.ServiceAccountUid) return false;
        if (claims.PodName is null) return true;
        return store.Get("/pods", claims.Namespace, claims.PodName) is { } pod && pod.Uid == claims.PodUid;
    }
}
