using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace WsManSvp.Server.Tests.Infrastructure;

/// <summary>What a client reads off a CIM_ConcreteJob instance it polled (CIM_ConcreteJob.JobState's ValueMap).</summary>
public sealed record JobView(XElement Instance)
{
    public const int New = 2;
    public const int Running = 4;
    public const int Completed = 7;
    public const int Terminated = 8;
    public const int Killed = 9;
    public const int Exception = 10;

    public int JobState => int.Parse(Instance.Prop("JobState")!, CultureInfo.InvariantCulture);

    public bool IsFinished => JobState is >= Completed and <= Exception;

    public int PercentComplete => int.Parse(Instance.Prop("PercentComplete")!, CultureInfo.InvariantCulture);

    public int ErrorCode => int.Parse(Instance.Prop("ErrorCode")!, CultureInfo.InvariantCulture);

    /// <summary>ErrorDescription; null when NULL.</summary>
    public string? ErrorDescription => IsNil("ErrorDescription") ? null : Instance.Prop("ErrorDescription");

    public bool DeleteOnCompletion => XmlConvert.ToBoolean(Instance.Prop("DeleteOnCompletion")!);

    /// <summary>TimeBeforeRemoval, an interval (cim:Interval, xs:duration).</summary>
    public TimeSpan TimeBeforeRemoval => XmlConvert.ToTimeSpan(Child("TimeBeforeRemoval", "Interval"));

    /// <summary>TimeOfLastStateChange, a point in time (cim:Datetime, xs:dateTime).</summary>
    public DateTimeOffset TimeOfLastStateChange => DateTimeOffset.Parse(Child("TimeOfLastStateChange", "Datetime"), CultureInfo.InvariantCulture);

    /// <summary>StartTime; null until the job runs.</summary>
    public DateTimeOffset? StartTime => IsNil("StartTime") ? null : DateTimeOffset.Parse(Child("StartTime", "Datetime"), CultureInfo.InvariantCulture);

    public string InstanceId => Instance.Prop("InstanceID")!;

    public override string ToString() => Instance.ToString();

    private bool IsNil(string property) =>
        (string?)Instance.Element(Instance.Name.Namespace + property)?.Attribute(Ns.Xsi + "nil") == "true";

    private string Child(string property, string form)
    {
        var value = Instance.Element(Instance.Name.Namespace + property)?.Element(Ns.Cim + form)?.Value;
        Assert.True(value is not null, $"The job has no {property} as cim:{form}:\n{Instance}");
        return value;
    }
}
