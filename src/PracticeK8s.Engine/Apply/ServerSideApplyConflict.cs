namespace PracticeK8s.Engine.Apply;

/// <summary>kubectl's advice after a server-side apply conflict, in the module's words.</summary>
public static class ServerSideApplyConflict
{
    public const string Advice =
        "Please review the fields above--they currently have other managers. Here are the ways you can resolve this warning:\n" +
        "* If you intend to manage all of these fields, please re-run the apply command with the -ForceConflicts switch.\n" +
        "* If you do not intend to manage all of the fields, please edit your manifest to remove references to the fields that should keep their current managers.\n" +
        "* You may co-own fields by updating your manifest to match the existing value; in this case, you'll become the manager if the other manager(s) stop managing the field (remove it from their configuration).\n" +
        "See https://kubernetes.io/docs/reference/using-api/server-side-apply/#conflicts";
}
