using System.Text.Json.Nodes;

namespace Connect.Sdk.Testing.Fakes.Shopify.GraphQL;

/// <summary>
/// Validates an operation and the fragments of its document against the schema before anything runs, with
/// graphql-ruby's (Shopify's engine's) messages and <c>extensions.code</c>s: undefined fields (<c>undefinedField</c>),
/// arguments (<c>argumentNotAccepted</c>), required arguments (<c>missingRequiredArguments</c>), literal values of the
/// wrong type (<c>argumentLiteralsIncompatible</c>), selections on leaves or none on objects (<c>selectionMismatch</c>),
/// undefined or unused fragments, fragment types, undefined directives, fields that cannot merge under one response key
/// (<c>fieldConflict</c>, <see cref="GraphQLFieldMergeCheck"/>), and variables that are undeclared, unused, of
/// no input type or of a type the argument does not take.
/// </summary>
internal sealed class GraphQLValidator
{
    private readonly GraphQLSchema _schema;
    private readonly GraphQLDocument _document;
    private readonly List<GraphQLError> _errors = [];
    private readonly List<(string Name, GraphQLTypeReference Expected, bool HasDefault, string ArgumentName, GraphQLLocation Location)> _usages = [];
    private readonly HashSet<string> _usedFragments = new(StringComparer.Ordinal);

    private GraphQLValidator(GraphQLSchema schema, GraphQLDocument document)
    {
        _schema = schema;
        _document = document;
    }

    /// <summary>The errors of the operation and of the document's fragments; empty when it may run.</summary>
    public static List<GraphQLError> Validate(GraphQLSchema schema, GraphQLDocument document, GraphQLOperation operation)
    {
        var validator = new GraphQLValidator(schema, document);
        validator.ValidateOperation(operation);
        return validator._errors;
    }

    private void ValidateOperation(GraphQLOperation operation)
    {
        if (FragmentCycles())
        {
            // Walking a fragment that spreads itself would never end; nothing else is checked until it is fixed.
            return;
        }

        foreach (var definition in operation.Variables)
        {
            if (_schema.Type(definition.Type.NamedType) is not { IsInput: true })
            {
                _errors.Add(GraphQLError.At($"{definition.Type.NamedType} isn't a defined input type (on ${definition.Name})", definition.Location, [operation.PathName], "variableRequiresValidType", new JsonObject { ["typeName"] = definition.Type.NamedType, ["variableName"] = definition.Name }));
            }
        }

        Directives(operation.Directives, [operation.PathName]);
        SelectionSet(_schema.RootOf(operation), operation.Selections, [operation.PathName]);
        _errors.AddRange(GraphQLFieldMergeCheck.Find(_schema, _document, operation));
        foreach (var fragment in _document.Fragments.Values)
        {
            if (!_usedFragments.Contains(fragment.Name))
            {
                _errors.Add(GraphQLError.At($"Fragment {fragment.Name} was defined, but not used", fragment.Location, [$"fragment {fragment.Name}"], "useAndDefineFragment", new JsonObject { ["fragmentName"] = fragment.Name }));
            }
        }

        Variables(operation);
    }

    // The specification's NoFragmentCycles: a fragment that reaches itself through its spreads, directly or not.
    private bool FragmentCycles()
    {
        var spreads = _document.Fragments.Values.ToDictionary(f => f.Name, f => SpreadsIn(f.Selections).ToList(), StringComparer.Ordinal);
        var cyclic = new List<GraphQLFragment>();
        foreach (var fragment in _document.Fragments.Values)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var pending = new Stack<string>(spreads[fragment.Name]);
            while (pending.TryPop(out var name))
            {
                if (name == fragment.Name)
                {
                    cyclic.Add(fragment);
                    break;
                }

                if (seen.Add(name) && spreads.TryGetValue(name, out var next))
                {
                    next.ForEach(pending.Push);
                }
            }
        }

        foreach (var fragment in cyclic)
        {
            _errors.Add(GraphQLError.At($"Fragment {fragment.Name} contains an infinite loop", fragment.Location, [$"fragment {fragment.Name}"], "infiniteLoop", new JsonObject { ["fragmentName"] = fragment.Name }));
        }

        return cyclic.Count > 0;
    }

    private static IEnumerable<string> SpreadsIn(IEnumerable<GraphQLSelection> selections) => selections.SelectMany(selection => selection switch
    {
        GraphQLFragmentSpread spread => [spread.Name],
        GraphQLField field => SpreadsIn(field.Selections),
        GraphQLInlineFragment inline => SpreadsIn(inline.Selections),
        _ => [],
    });

    private void Variables(GraphQLOperation operation)
    {
        var who = operation.Name ?? $"anonymous {operation.Kind}";
        foreach (var usage in _usages.Where(u => operation.Variables.All(d => d.Name != u.Name)).DistinctBy(u => u.Name))
        {
            _errors.Add(GraphQLError.At($"Variable ${usage.Name} is used by {who} but not declared", usage.Location, [operation.PathName], "variableNotDefined", new JsonObject { ["variableName"] = usage.Name }));
        }

        foreach (var definition in operation.Variables)
        {
            var uses = _usages.Where(u => u.Name == definition.Name).ToList();
            if (uses.Count == 0)
            {
                _errors.Add(GraphQLError.At($"Variable ${definition.Name} is declared by {who} but not used", definition.Location, [operation.PathName], "variableNotUsed", new JsonObject { ["variableName"] = definition.Name }));
                continue;
            }

            if (_schema.Type(definition.Type.NamedType) is not { IsInput: true })
            {
                continue;
            }

            foreach (var use in uses)
            {
                if (Mismatch(definition, use.Expected, use.HasDefault) is { } kind)
                {
                    _errors.Add(GraphQLError.At(
                        $"{kind} on variable ${definition.Name} and argument {use.ArgumentName} ({definition.Type} / {use.Expected})",
                        use.Location,
                        [operation.PathName],
                        "variableMismatch",
                        new JsonObject { ["variableName"] = definition.Name, ["typeName"] = definition.Type.ToString(), ["argumentName"] = use.ArgumentName, ["errorMessage"] = kind }));
                }
            }
        }
    }

    // The specification's IsVariableUsageAllowed and AreTypesCompatible, named as graphql-ruby names the failures.
    private static string? Mismatch(GraphQLVariableDefinition definition, GraphQLTypeReference expected, bool locationHasDefault)
    {
        var variable = definition.Type;
        if (expected.IsNonNull && !variable.IsNonNull)
        {
            var hasDefault = definition.DefaultValue is GraphQLLiteral { Value: not null } or GraphQLListValue or GraphQLObjectValue;
            if (!hasDefault && !locationHasDefault)
            {
                return "Nullability mismatch";
            }

            expected = expected.Nullable;
        }

        while (true)
        {
            if (variable.IsNonNull && !expected.IsNonNull)
            {
                variable = variable.Nullable;
            }

            if (variable.IsNonNull != expected.IsNonNull)
            {
                return "Nullability mismatch";
            }

            if (variable.IsList != expected.IsList)
            {
                // A single value may stand for a list of one, so a variable of the element type fits a list argument.
                return !variable.IsList && expected.IsList && Mismatch(definition with { Type = variable }, expected.OfType!, locationHasDefault) is null ? null : "List dimension mismatch";
            }

            if (!variable.IsList)
            {
                return variable.Name == expected.Name ? null : "Type mismatch";
            }

            variable = variable.OfType!;
            expected = expected.OfType!;
        }
    }

    private void SelectionSet(GraphQLNamedType type, IReadOnlyList<GraphQLSelection> selections, List<object> path)
    {
        foreach (var selection in selections)
        {
            Directives(selection.Directives, path);
            switch (selection)
            {
                case GraphQLField field:
                    Field(type, field, [.. path, field.ResponseKey]);
                    break;
                case GraphQLInlineFragment inline:
                    var inner = type;
                    var innerPath = inline.TypeCondition is null ? path : [.. path, $"... on {inline.TypeCondition}"];
                    if (inline.TypeCondition is { } condition && FragmentType(condition, inline.Location, innerPath) is { } conditionType)
                    {
                        if (conditionType != type)
                        {
                            _errors.Add(GraphQLError.At($"Fragment on {condition} can't be spread inside {type.Name}", inline.Location, innerPath, "cannotSpreadFragment", new JsonObject { ["spreadType"] = condition, ["parentType"] = type.Name }));
                            break;
                        }
                    }

                    SelectionSet(inner, inline.Selections, innerPath);
                    break;
                case GraphQLFragmentSpread spread:
                    Spread(type, spread, path);
                    break;
            }
        }
    }

    private void Spread(GraphQLNamedType type, GraphQLFragmentSpread spread, List<object> path)
    {
        if (!_document.Fragments.TryGetValue(spread.Name, out var fragment))
        {
            _errors.Add(GraphQLError.At($"Fragment {spread.Name} was used, but not defined", spread.Location, [.. path, $"... {spread.Name}"], "undefinedFragment", new JsonObject { ["fragmentName"] = spread.Name }));
            return;
        }

        if (!_usedFragments.Add(spread.Name))
        {
            // Validated already where it was first spread; only where it is spread again is new.
            if (_schema.Type(fragment.TypeCondition) is { } known && known != type)
            {
                _errors.Add(GraphQLError.At($"Fragment {spread.Name} on {fragment.TypeCondition} can't be spread inside {type.Name}", spread.Location, [.. path, $"... {spread.Name}"], "cannotSpreadFragment", new JsonObject { ["fragmentName"] = spread.Name, ["spreadType"] = fragment.TypeCondition, ["parentType"] = type.Name }));
            }

            return;
        }

        Directives(fragment.Directives, [$"fragment {fragment.Name}"]);
        if (FragmentType(fragment.TypeCondition, fragment.Location, [$"fragment {fragment.Name}"]) is { } fragmentType)
        {
            if (fragmentType != type)
            {
                _errors.Add(GraphQLError.At($"Fragment {spread.Name} on {fragment.TypeCondition} can't be spread inside {type.Name}", spread.Location, [.. path, $"... {spread.Name}"], "cannotSpreadFragment", new JsonObject { ["fragmentName"] = spread.Name, ["spreadType"] = fragment.TypeCondition, ["parentType"] = type.Name }));
            }

            SelectionSet(fragmentType, fragment.Selections, [$"fragment {fragment.Name}"]);
        }
    }

    private GraphQLNamedType? FragmentType(string condition, GraphQLLocation location, List<object> path)
    {
        if (_schema.Type(condition) is { Kind: GraphQLTypeKind.Object } type)
        {
            return type;
        }

        _errors.Add(GraphQLError.At($"No such type {condition}, so it can't be a fragment condition", location, path, "undefinedType", new JsonObject { ["typeName"] = condition }));
        return null;
    }

    private void Field(GraphQLNamedType parent, GraphQLField field, List<object> path)
    {
        if (field.Name == "__typename")
        {
            LeafSelection(field, "String", isLeaf: true, path);
            return;
        }

        if (!parent.Fields.TryGetValue(field.Name, out var definition))
        {
            _errors.Add(GraphQLError.At($"Field '{field.Name}' doesn't exist on type '{parent.Name}'", field.Location, path, "undefinedField", new JsonObject { ["typeName"] = parent.Name, ["fieldName"] = field.Name }));
            return;
        }

        Arguments(definition.Arguments, field.Arguments, "Field", field.Name, field.Location, path);
        var type = _schema.Type(definition.Type.NamedType)!;
        if (LeafSelection(field, type.Name, type.IsLeaf, path))
        {
            SelectionSet(type, field.Selections, path);
        }
    }

    // Whether the field's selections fit its type (none on a leaf, some on an object) and there are any to check.
    private bool LeafSelection(GraphQLField field, string typeName, bool isLeaf, List<object> path)
    {
        if (isLeaf && field.Selections.Count > 0)
        {
            var names = string.Join(", ", field.Selections.OfType<GraphQLField>().Select(f => f.Name));
            _errors.Add(GraphQLError.At($"Selections can't be made on scalars (field '{field.Name}' returns {typeName} but has selections [{names}])", field.Location, path, "selectionMismatch", new JsonObject { ["nodeName"] = $"field '{field.Name}'", ["typeName"] = typeName }));
            return false;
        }

        if (!isLeaf && field.Selections.Count == 0)
        {
            _errors.Add(GraphQLError.At($"Field must have selections (field '{field.Name}' returns {typeName} but has no selections. Did you mean '{field.Name} {{ ... }}'?)", field.Location, path, "selectionMismatch", new JsonObject { ["nodeName"] = $"field '{field.Name}'", ["typeName"] = typeName }));
            return false;
        }

        return !isLeaf;
    }

    private void Directives(IReadOnlyList<GraphQLDirective> directives, List<object> path)
    {
        foreach (var directive in directives)
        {
            if (!_schema.Directives.TryGetValue(directive.Name, out var definitions))
            {
                _errors.Add(GraphQLError.At($"Directive @{directive.Name} is not defined", directive.Location, path, "undefinedDirective", new JsonObject { ["directiveName"] = directive.Name }));
                continue;
            }

            Arguments(definitions, directive.Arguments, "Directive", directive.Name, directive.Location, path);
        }
    }

    private void Arguments(IReadOnlyDictionary<string, GraphQLInputField> definitions, IReadOnlyList<GraphQLArgument> given, string className, string name, GraphQLLocation at, List<object> path)
    {
        foreach (var argument in given)
        {
            if (!definitions.TryGetValue(argument.Name, out var definition))
            {
                _errors.Add(GraphQLError.At($"{className} '{name}' doesn't accept argument '{argument.Name}'", argument.Location, path, "argumentNotAccepted", new JsonObject { ["name"] = name, ["typeName"] = className, ["argumentName"] = argument.Name }));
                continue;
            }

            if (!Literal(argument.Value, definition.Type, definition.DefaultValue is not null, argument.Name))
            {
                _errors.Add(GraphQLError.At(
                    $"Argument '{argument.Name}' on {className} '{name}' has an invalid value ({Print(argument.Value)}). Expected type '{definition.Type}'.",
                    argument.Location,
                    [.. path, argument.Name],
                    "argumentLiteralsIncompatible",
                    new JsonObject { ["typeName"] = className, ["argumentName"] = argument.Name }));
            }
        }

        var missing = definitions.Values.Where(d => d.Type.IsNonNull && d.DefaultValue is null && given.All(a => a.Name != d.Name)).Select(d => d.Name).ToList();
        if (missing.Count > 0)
        {
            _errors.Add(new GraphQLError(
                $"{className} '{name}' is missing required arguments: {string.Join(", ", missing)}",
                [at],
                path,
                new JsonObject { ["code"] = "missingRequiredArguments", ["className"] = className, ["name"] = name, ["arguments"] = string.Join(", ", missing) }));
        }
    }

    // Whether a value written in the document fits the type; variables in it are recorded for the variables' check.
    private bool Literal(GraphQLValue value, GraphQLTypeReference type, bool hasDefault, string argumentName)
    {
        switch (value)
        {
            case GraphQLVariableValue variable:
                _usages.Add((variable.Name, type, hasDefault, argumentName, variable.Location));
                return true;
            case GraphQLLiteral { Value: null }:
                return !type.IsNonNull;
            case GraphQLListValue list when type.IsList:
                return list.Items.Select(i => Literal(i, type.OfType!, false, argumentName)).ToList().TrueForAll(ok => ok);
            case GraphQLListValue:
                return false;
            case var _ when type.IsList:
                return Literal(value, type.OfType!, false, argumentName);
            case GraphQLObjectValue obj when _schema.Type(type.NamedType) is { Kind: GraphQLTypeKind.InputObject } input:
                var fieldsFit = obj.Fields.Select(f => input.InputFields.TryGetValue(f.Name, out var d) && Literal(f.Value, d.Type, d.DefaultValue is not null, argumentName)).ToList().TrueForAll(ok => ok);
                var required = input.InputFields.Values.Where(d => d.Type.IsNonNull && d.DefaultValue is null).All(d => obj.Fields.Any(f => f.Name == d.Name));
                return fieldsFit && required;
            case GraphQLObjectValue:
                return false;
            case GraphQLLiteral literal:
                var named = _schema.Type(type.NamedType)!;
                if (named.Kind == GraphQLTypeKind.Enum)
                {
                    return literal.IsEnum && named.EnumValues.Contains(literal.Text);
                }

                return !literal.IsEnum && named.Kind == GraphQLTypeKind.Scalar && GraphQLInputCoercion.Problems(_schema, type.Nullable, literal.Value).Count == 0;
            default:
                return false;
        }
    }

    private static string Print(GraphQLValue value) => value switch
    {
        GraphQLVariableValue v => "$" + v.Name,
        GraphQLLiteral l => l.Text,
        GraphQLListValue list => "[" + string.Join(", ", list.Items.Select(Print)) + "]",
        GraphQLObjectValue obj => "{" + string.Join(", ", obj.Fields.Select(f => $"{f.Name}: {Print(f.Value)}")) + "}",
        _ => string.Empty,
    };
}
