using System.Collections;
using System.Reflection;
using System.Runtime.CompilerServices;
using Connect.Sdk.Connectors;

namespace Connect.Sdk.Tests.Conventions;

/// <summary>
/// The SDK's conventions, enforced over the public API by reflection (as NodaTime does for its own), so
/// that a new public member that breaks one fails the build's tests rather than a code review.
/// </summary>
public sealed class PublicApiConventionsTests
{
    private static readonly Assembly Sdk = typeof(IConnector).Assembly;

    private static readonly Type[] PublicTypes = Sdk.GetExportedTypes();

    // Unsealed on purpose: the exception model's base types, which connectors' own exceptions derive from.
    private static readonly Type[] ExtensionPoints = [typeof(ConnectSdkException), typeof(Connect.Sdk.Settings.ConnectionSettingException)];

    public static TheoryData<Type> PublicClasses() =>
        [.. PublicTypes.Where(t => t.IsClass && !IsStatic(t) && !t.IsAbstract && !ExtensionPoints.Contains(t))];

    [Fact]
    public void PublicApi_IsNotEmpty()
    {
        Assert.True(PublicTypes.Length > 20, "The reflection below must see the SDK's public types.");
    }

    [Theory]
    [MemberData(nameof(PublicClasses))]
    public void PublicClass_IsSealed(Type type)
    {
        Assert.True(type.IsSealed, $"{type.FullName} is public and unsealed; seal it unless extension is the point.");
    }

    [Fact]
    public void PublicMembers_ExposeNoMutableCollections()
    {
        var offenders = PublicProperties()
            .Where(p => IsMutableCollection(p.PropertyType))
            .Select(p => $"{p.DeclaringType!.Name}.{p.Name}: {p.PropertyType.Name}")
            .ToArray();

        Assert.True(offenders.Length == 0, "Expose IReadOnlyList/IReadOnlyDictionary instead: " + string.Join(", ", offenders));
    }

    [Fact]
    public void AsyncMethods_EndInAsync_AndTakeCancellationTokenLast()
    {
        var offenders = PublicMethods()
            .Where(m => IsAsyncReturn(m.ReturnType))
            .Where(m => !m.Name.EndsWith("Async", StringComparison.Ordinal)
                        || m.GetParameters().LastOrDefault()?.ParameterType != typeof(CancellationToken))
            .Select(m => $"{m.DeclaringType!.Name}.{m.Name}")
            .ToArray();

        Assert.True(offenders.Length == 0, "Async methods end in Async and take a CancellationToken last: " + string.Join(", ", offenders));
    }

    [Fact]
    public void PublicApi_UsesNodaTimeAndDecimal_NeverDateTimeOrBinaryFloatingPoint()
    {
        var forbidden = new[] { typeof(DateTime), typeof(DateTimeOffset), typeof(TimeSpan), typeof(double), typeof(float) };
        var offenders = PublicProperties().Select(p => (Member: $"{p.DeclaringType!.Name}.{p.Name}", Type: p.PropertyType))
            .Concat(PublicMethods().SelectMany(m => m.GetParameters().Select(p => (Member: $"{m.DeclaringType!.Name}.{m.Name}({p.Name})", Type: p.ParameterType))))
            .Where(x => forbidden.Contains(Nullable.GetUnderlyingType(x.Type) ?? x.Type))
            .Select(x => x.Member)
            .ToArray();

        Assert.True(offenders.Length == 0, "Use NodaTime (Instant, Duration) and decimal: " + string.Join(", ", offenders));
    }

    [Fact]
    public void TypeNames_AvoidDumpingGroundSuffixes()
    {
        var offenders = PublicTypes
            .Concat(Sdk.GetTypes())
            .Where(t => !t.IsDefined(typeof(CompilerGeneratedAttribute)))
            .Select(t => t.Name)
            .Where(n => n.EndsWith("Manager", StringComparison.Ordinal) || n.EndsWith("Helper", StringComparison.Ordinal)
                        || n.EndsWith("Helpers", StringComparison.Ordinal) || n.EndsWith("Utils", StringComparison.Ordinal)
                        || n.EndsWith("Util", StringComparison.Ordinal))
            .Distinct()
            .ToArray();

        Assert.Empty(offenders);
    }

    [Fact]
    public void PublicTypes_LiveInTheNamespaceOfTheirFolder()
    {
        // The one deliberate exception is the DI entry point, which lives in the DI namespace to be found without a using.
        var offenders = PublicTypes
            .Where(t => t.Namespace != "Microsoft.Extensions.DependencyInjection")
            .Where(t => t.Namespace is null || !t.Namespace.StartsWith("Connect.Sdk", StringComparison.Ordinal))
            .Select(t => t.FullName)
            .ToArray();

        Assert.Empty(offenders);
    }

    private static IEnumerable<PropertyInfo> PublicProperties() =>
        PublicTypes.SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly));

    private static IEnumerable<MethodInfo> PublicMethods() =>
        PublicTypes.SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(m => !m.IsSpecialName);

    private static bool IsStatic(Type type) => type.IsAbstract && type.IsSealed;

    private static bool IsAsyncReturn(Type type) =>
        type == typeof(Task) || type == typeof(ValueTask)
        || (type.IsGenericType && type.GetGenericTypeDefinition() is var d
            && (d == typeof(Task<>) || d == typeof(ValueTask<>) || d == typeof(IAsyncEnumerable<>)));

    private static bool IsMutableCollection(Type type)
    {
        if (type == typeof(string) || !typeof(IEnumerable).IsAssignableFrom(type))
        {
            return false;
        }

        if (type.IsArray)
        {
            return true;
        }

        if (type.IsInterface)
        {
            var definition = type.IsGenericType ? type.GetGenericTypeDefinition() : type;
            return definition == typeof(IList<>) || definition == typeof(ICollection<>) || definition == typeof(IDictionary<,>)
                   || definition == typeof(ISet<>) || definition == typeof(IList) || definition == typeof(IDictionary);
        }

        // Concrete collection classes (List<T>, Dictionary<K,V>, HashSet<T>) are mutable unless read-only or immutable by name.
        return !type.Name.StartsWith("ReadOnly", StringComparison.Ordinal)
               && !type.Name.StartsWith("Immutable", StringComparison.Ordinal)
               && !type.Name.StartsWith("Frozen", StringComparison.Ordinal);
    }
}
