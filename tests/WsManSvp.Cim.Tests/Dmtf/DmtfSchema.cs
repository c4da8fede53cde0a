using WsManSvp.Cim.Mof;

namespace WsManSvp.Cim.Tests.Dmtf;

/// <summary>The DMTF CIM schema as our own <see cref="MofParser"/> reads it: every class, by name.</summary>
public sealed class DmtfSchema
{
    private static readonly Lazy<DmtfSchema> Cached = new(() => Load(TestPaths.DmtfCimSchema));

    private DmtfSchema(IReadOnlyDictionary<string, MofClass> classes, IReadOnlyList<string> errors, int fileCount)
    {
        Classes = classes;
        Errors = errors;
        FileCount = fileCount;
    }

    /// <summary>The schema in ../shared, parsed once per test run.</summary>
    public static DmtfSchema Shared => Cached.Value;

    public IReadOnlyDictionary<string, MofClass> Classes { get; }

    /// <summary>Files that did not parse and classes declared twice, one line each.</summary>
    public IReadOnlyList<string> Errors { get; }

    public int FileCount { get; }

    /// <summary>Parses every *.mof file under <paramref name="directory"/>, recursively.</summary>
    public static DmtfSchema Load(string directory)
    {
        var classes = new Dictionary<string, MofClass>(StringComparer.OrdinalIgnoreCase);
        var errors = new List<string>();
        var files = Directory.GetFiles(directory, "*.mof", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray();
        foreach (var file in files)
        {
            var relative = Path.GetRelativePath(directory, file);
            MofDocument document;
            try { document = MofParser.Parse(File.ReadAllText(file)); }
            catch (MofException e)
            {
                errors.Add($"{relative}: {e.Message}");
                continue;
            }
            foreach (var c in document.Classes)
                if (!classes.TryAdd(c.Name, c)) errors.Add($"{relative}: class {c.Name} is declared twice.");
        }
        return new DmtfSchema(classes, errors, files.Length);
    }
}
