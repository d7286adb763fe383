using RentalRules; using RentalRules.Evaluation; using RentalRules.Explanations; using RentalRules.Facts; using RentalRules.Packs;

var pack = RulePackLoader.Load("rules/holbaek-2024.json").GetValueOrThrow();   // load, check, compile once; share it
var department = FactReader.ReadDepartments(File.ReadAllText("samples/holbaek/department-red.json")).GetValueOrThrow().Items[0];
var household = FactReader.ReadHouseholds(File.ReadAllText("samples/holbaek/households.json")).GetValueOrThrow().Items[0];

var on = new DateOnly(2025, 3, 1);
PlacementResult placement = pack.Place(new PlacementRequest(department, on)); // tier "red", municipal share "0"
EligibilityResult result = pack.Check(new EligibilityRequest(department, household, LettingRoute.WaitingList, on));

Console.WriteLine(result.Outcome);                                             // Eligible / Ineligible / Undetermined
foreach (var c in result.Criteria) Console.WriteLine($"{c.Id} ({c.Clause}): {c.Outcome}");
Console.WriteLine(ResultText.Eligibility(result, Language.Danish));            // the explanation, in Danish
