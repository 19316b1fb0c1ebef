using Connect.Sdk.Testing.Faults;

namespace Connect.Sdk.Testing.Tests.Faults;

public sealed class FaultPlanTests
{
    private static readonly string[] Operations = ["orders.list", "products.batch", "orders.get", "orders.list", "notes.create"];

    [Fact]
    public void Draw_SameSeedAndRequests_InjectsTheSameFaults()
    {
        var first = Replay(new FaultPlan(seed: 42).Randomly(FaultKind.ServerError, 0.3).Randomly(FaultKind.TooManyRequests, 0.2, "orders.list"));
        var second = Replay(new FaultPlan(seed: 42).Randomly(FaultKind.ServerError, 0.3).Randomly(FaultKind.TooManyRequests, 0.2, "orders.list"));

        Assert.NotEmpty(first);
        Assert.Equal(first, second);
    }

    [Fact]
    public void Draw_OtherSeed_InjectsOtherFaults()
    {
        var first = Replay(new FaultPlan(seed: 1).Randomly(FaultKind.ServerError, 0.5));
        var second = Replay(new FaultPlan(seed: 2).Randomly(FaultKind.ServerError, 0.5));

        Assert.NotEqual(first, second);
    }

    [Fact]
    public void Next_ScheduledFaults_HitTheNextMatchingRequestsOnly()
    {
        var plan = new FaultPlan().Next(FaultKind.ServiceUnavailable, times: 2, operation: "orders.list");

        var drawn = Operations.Select(plan.Draw).ToArray();

        Assert.Equal([FaultKind.ServiceUnavailable, null, null, FaultKind.ServiceUnavailable, null], drawn);
        Assert.Equal([1, 4], plan.Injected.Select(f => f.RequestNumber));
    }

    [Fact]
    public void Next_BeforeRandomFaults_TakesPrecedence()
    {
        var plan = new FaultPlan(seed: 7).Randomly(FaultKind.ServerError, 1.0).Next(FaultKind.MalformedJson);

        Assert.Equal(FaultKind.MalformedJson, plan.Draw("orders.get"));
        Assert.Equal(FaultKind.ServerError, plan.Draw("orders.get"));
    }

    [Fact]
    public void Clear_StopsFaults_ButKeepsTheRecord()
    {
        var plan = new FaultPlan().Next(FaultKind.Timeout, times: 5);
        plan.Draw("orders.get");

        plan.Clear();

        Assert.Null(plan.Draw("orders.get"));
        Assert.Single(plan.Injected);
    }

    private static List<InjectedFault> Replay(FaultPlan plan)
    {
        for (var i = 0; i < 200; i++)
        {
            plan.Draw(Operations[i % Operations.Length]);
        }

        return plan.Injected.ToList();
    }
}
