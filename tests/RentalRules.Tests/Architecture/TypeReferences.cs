using System.Reflection;
using System.Reflection.Emit;

namespace RentalRules.Tests.Architecture;

/// <summary>
/// Every type a compiled type names: its base type and interfaces, its fields, properties and events, the parameter,
/// return and local types of its methods, the custom attributes on all of them, and every type, method and field token
/// in its method bodies' IL (resolved with <see cref="Module.ResolveMember(int, Type[], Type[])"/>). Read from the
/// assembly, so a <c>using</c> directive, a fully qualified name and a name the enclosing namespace makes visible count
/// alike; generic arguments, arrays and by-ref types are unwrapped to the types they are made of.
/// </summary>
internal static class TypeReferences
{
    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    /// <summary>The types <paramref name="type"/> names (nested types are read on their own, as types of their own).</summary>
    public static IReadOnlySet<Type> Of(Type type)
    {
        var found = new HashSet<Type>();
        void Add(Type? t) => Unwrap(t, found);
        void Attributes(IEnumerable<CustomAttributeData> attributes)
        {
            foreach (var a in attributes)
            {
                Add(a.AttributeType);
            }
        }

        Add(type.BaseType);
        foreach (var i in type.GetInterfaces())
        {
            Add(i);
        }

        Attributes(type.CustomAttributes);
        foreach (var f in type.GetFields(Declared))
        {
            Add(f.FieldType);
            Attributes(f.CustomAttributes);
        }

        foreach (var p in type.GetProperties(Declared))
        {
            Add(p.PropertyType);
            Attributes(p.CustomAttributes);
        }

        foreach (var e in type.GetEvents(Declared))
        {
            Add(e.EventHandlerType);
        }

        var methods = type.GetMethods(Declared).Cast<MethodBase>().Concat(type.GetConstructors(Declared));
        foreach (var m in methods)
        {
            Attributes(m.CustomAttributes);
            if (m is MethodInfo mi)
            {
                Add(mi.ReturnType);
            }

            foreach (var p in m.GetParameters())
            {
                Add(p.ParameterType);
            }

            if (m.IsGenericMethodDefinition)
            {
                foreach (var g in m.GetGenericArguments().SelectMany(a => a.GetGenericParameterConstraints()))
                {
                    Add(g);
                }
            }

            var body = m.GetMethodBody();
            if (body is null)
            {
                continue;
            }

            foreach (var local in body.LocalVariables)
            {
                Add(local.LocalType);
            }

            foreach (var clause in body.ExceptionHandlingClauses)
            {
                if (clause.Flags == ExceptionHandlingClauseOptions.Clause)
                {
                    Add(clause.CatchType);
                }
            }

            foreach (var member in BodyTokens(m, body))
            {
                switch (member)
                {
                    case Type t:
                        Add(t);
                        break;
                    case MethodBase callee:
                        Add(callee.DeclaringType);
                        if (callee is MethodInfo ci)
                        {
                            Add(ci.ReturnType);
                            if (ci.IsGenericMethod)
                            {
                                foreach (var g in ci.GetGenericArguments())
                                {
                                    Add(g);
                                }
                            }
                        }

                        foreach (var p in callee.GetParameters())
                        {
                            Add(p.ParameterType);
                        }

                        break;
                    case FieldInfo field:
                        Add(field.DeclaringType);
                        Add(field.FieldType);
                        break;
                }
            }
        }

        found.Remove(type);
        return found;
    }

    private static void Unwrap(Type? t, HashSet<Type> into)
    {
        while (t is not null && (t.HasElementType))
        {
            t = t.GetElementType();
        }

        if (t is null || t.IsGenericParameter)
        {
            return;
        }

        if (t.IsGenericType && !t.IsGenericTypeDefinition)
        {
            foreach (var a in t.GetGenericArguments())
            {
                Unwrap(a, into);
            }

            t = t.GetGenericTypeDefinition();
        }

        into.Add(t);
    }

    /// <summary>The members named by the type, method and field tokens of a method body's IL.</summary>
    private static IEnumerable<MemberInfo> BodyTokens(MethodBase method, MethodBody body)
    {
        var il = body.GetILAsByteArray();
        if (il is null)
        {
            yield break;
        }

        var module = method.Module;
        var typeArgs = method.DeclaringType is { IsGenericType: true } dt ? dt.GetGenericArguments() : null;
        var methodArgs = method.IsGenericMethod ? method.GetGenericArguments() : null;
        var i = 0;
        while (i < il.Length)
        {
            OpCode op;
            if (il[i] == 0xFE)
            {
                op = OpCodesByValue[unchecked((short)(0xFE00 | il[i + 1]))];
                i += 2;
            }
            else
            {
                op = OpCodesByValue[il[i]];
                i += 1;
            }

            switch (op.OperandType)
            {
                case OperandType.InlineMethod:
                case OperandType.InlineField:
                case OperandType.InlineType:
                case OperandType.InlineTok:
                    var token = BitConverter.ToInt32(il, i);
                    i += 4;
                    MemberInfo? member;
                    try
                    {
                        member = module.ResolveMember(token, typeArgs, methodArgs);
                    }
                    catch (ArgumentException)
                    {
                        member = null;
                    }

                    if (member is not null)
                    {
                        yield return member;
                    }

                    break;
                case OperandType.InlineNone:
                    break;
                case OperandType.ShortInlineBrTarget:
                case OperandType.ShortInlineI:
                case OperandType.ShortInlineVar:
                    i += 1;
                    break;
                case OperandType.InlineVar:
                    i += 2;
                    break;
                case OperandType.InlineI8:
                case OperandType.InlineR:
                    i += 8;
                    break;
                case OperandType.InlineSwitch:
                    var count = BitConverter.ToInt32(il, i);
                    i += 4 + (4 * count);
                    break;
                default:
                    // InlineBrTarget, InlineI, InlineSig, InlineString, ShortInlineR: a four-byte operand.
                    i += 4;
                    break;
            }
        }
    }
}
