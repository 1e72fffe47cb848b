namespace Parasol.Core.Workflow;

/// <summary>
/// The outcome of a workflow step. <see cref="Error"/> is an English message key the web apps localize;
/// <see cref="Arguments"/> fill its placeholders.
/// </summary>
public sealed record WorkflowResult(string? Error, params object[] Arguments)
{
    public static readonly WorkflowResult Ok = new((string?)null);

    public bool Succeeded => Error is null;

    public static WorkflowResult Fail(string error, params object[] arguments) => new(error, arguments);
}
