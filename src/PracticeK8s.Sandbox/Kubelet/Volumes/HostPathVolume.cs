using PracticeK8s.Sandbox.Security;

namespace PracticeK8s.Sandbox.Kubelet.Volumes;

/// <summary>hostPath volumes (and hostPath/local PVs): the machine's own path, checked or created per the volume's type.</summary>
public static class HostPathVolume
{
    /// <summary>hostPath as asked: the host's own path (the escape hatch it is), checked or created per its type.</summary>
    public static string SetUp(string volume, string path, string? type)
    {
        if (string.IsNullOrEmpty(path) || path[0] != '/') throw new VolumeSetUpException(volume, $"hostPath {path} must be absolute");
        bool IsDir() => Directory.Exists(path);
        bool IsFile() => File.Exists(path);
        switch (type ?? "")
        {
            case "" or "DirectoryOrCreate":
                if (!IsDir() && !IsFile()) PrivateFiles.CreateDirectory(path);
                break;
            case "Directory":
                if (!IsDir()) throw new VolumeSetUpException(volume, $"hostPath type check failed: {path} is not a directory");
                break;
            case "FileOrCreate":
                if (!IsFile() && !IsDir())
                {
                    if (!Directory.Exists(Path.GetDirectoryName(path))) throw new VolumeSetUpException(volume, $"hostPath type check failed: {path}'s directory does not exist");
                    using (PrivateFiles.Open(path, FileMode.CreateNew)) { }
                }
                break;
            case "File":
                if (!IsFile()) throw new VolumeSetUpException(volume, $"hostPath type check failed: {path} is not a file");
                break;
            default: // Socket, CharDevice, BlockDevice: it must at least exist
                if (!IsFile() && !IsDir()) throw new VolumeSetUpException(volume, $"hostPath type check failed: {path} is not a {type}");
                break;
        }
        return path;
    }
}
