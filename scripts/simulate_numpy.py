#!/usr/bin/env python3
"""A vectorised numpy model of `kivijalka simulate`, the yardstick of its speed.

It draws the same uncertain drivers as kivijalka (a Gaussian copula: the
Cholesky factor of the correlations, a stationary walk per driver with its
persistence, each driver's own distribution) and runs the same year step for
all paths at once, as float64 arrays over the paths:

- operating income and costs grow with the price index and their real
  growth (costs also with the residents, where the scenario says so), each
  line rounded to the cent;
- tax revenue: the last plan year's split into income, property and
  corporate tax, income tax growing with earnings, employment and (where
  the scenario says so) the residents;
- state subsidies: the basic-services part indexed (less the user's index
  cut) with the residents of the year the law takes (two years before by
  default), less the per-resident cuts, plus fixed elements and the
  Ministry's preliminary figure where given;
- investments: the plan's own without named projects, averaged and indexed
  beyond the plan; named projects with their cost overrun, the plan holding
  them at the amounts it was made with (an overrun is spending beyond it);
- depreciation: the existing assets' level until their book value is used,
  plus straight-line vintages of every year's net investment;
- loans: repayments over the average maturity, interest on the average
  loan stock, new loans solved in closed form to keep the minimum cash (or
  the plan's own borrowing in plan years, the interest shift on top);
- cash, the accumulated surplus, the group's loans per resident (the
  city's on the path plus the companies' own);
- the five indicators per path and year, their 5th, 25th, 50th, 75th and
  95th percentiles (exact, over the paths held in memory) and the share of
  paths that meet each target, and all five.

What it takes from kivijalka instead of modelling it: the workbook's lines
as read (`statements`: the start and the plan), the deterministic
forecast's year rows (population, price index, group leases, extraordinary
items and appropriations, the plan years' operations with the scenario's
measures: lines no driver moves), the scenario as kivijalka resolved it,
its assets' lives (`scenario show`), and which indicator-years are not
measurable at all (a structural break).

It leaves out: tax rate changes, a property tax rate, a corporate tax
share, the subsidies' tax-revenue equalisation, an investment cap, the
price index, subsidy index and population as uncertain drivers, a PERT
driver that is correlated or walks, Student's t, the group's own balance
sheet in projected years, a projection with no budget or plan year,
targets other than the strategy's defaults, a workbook that prints only
subtotals where the projection reads lines (it stops with a message
where a scenario needs any of these); and on every path, which kivijalka
does: the plausibility bounds, whether an indicator is measurable (it
takes the deterministic forecast's answer for every path), and what
Kuntalaki 110 § and 118 § say of each year (`simulate`'s statutory
shares). Its percentiles are exact over all paths held in memory, where
kivijalka's are estimates in constant memory.

`run --check` projects every driver at its central value and holds the
result to kivijalka's deterministic forecast: every year figure and every
indicator's value to the cent (indicators 3 and 4 to a millionth), and
whether each target is met; scripts/bench-simulate.sh stops unless it
holds.

Usage:
  simulate_numpy.py prepare --kivijalka BIN --workbook XLSX --scenario TOML --out start.json
  simulate_numpy.py run --start start.json [--paths N] [--seed S] [--repeat R]
                        [--compare simulate.json] [--quiet] [--check]

`run` prints the model's own time (draws, year steps, percentiles; no
interpreter start, no import) as `model: ... s`.
"""

import argparse
import json
import math
import subprocess
import sys
import time

# numpy is imported in `run` only: `prepare` needs nothing but the standard
# library, and the model's time excludes the import.
np = None

PERCENTILES = [5, 25, 50, 75, 95]

# The strategy's default targets (kivijalka's `Targets::default`): a targets
# file is not read.
TARGETS = {
    "min_coverage_pct": 100.0,
    "accumulated_surplus_above": 0.0,
    "allowance_pp": 0.0,
    "include_leases": True,
    "window_years": 5,
    "cash_flow_above": 0.0,
}

# kivijalka's driver names in its JSON, and the scenario keys correlations name.
DRIVER_KEYS = {
    "price_index": "price_index_pct",
    "earnings_growth": "tax.earnings_growth_pct",
    "employment_growth": "tax.employment_growth_pct",
    "property_tax_growth": "tax.property_growth_pct",
    "corporate_tax_growth": "tax.corporate_growth_pct",
    "cost_real_growth": "operations.cost_real_growth_pct",
    "income_real_growth": "operations.income_real_growth_pct",
    "subsidy_index": "state_subsidies.index_pct",
    "population_growth": "population.growth_pct",
    "interest_shift": "loans.interest_shift_pp",
}
# The workbook lines the model reads, of the start and of the plan years.
LINES_READ = {
    "tl.toimintatuotot", "tl.toimintakulut", "tl.toimintakate", "tl.valmistus_omaan_kayttoon",
    "tl.verotulot", "tl.valtionosuudet", "tl.korkotuotot", "tl.muut_rahoitustuotot",
    "tl.muut_rahoituskulut", "tl.korkokulut", "tl.poistot_ja_arvonalentumiset",
    "rl.toiminnan_ja_investointien_rahavirta", "rl.investointimenot", "rl.investointien_rahavirta",
    "rl.rahoitusosuudet", "rl.luovutustulot", "rl.pitkaaikaisten_lainojen_lisays",
    "rl.pitkaaikaisten_lainojen_vahennys", "rl.lyhytaikaisten_lainojen_muutos",
    "ta.aineelliset", "ta.aineettomat", "ta.maa_ja_vesialueet", "ta.rahat_ja_pankkisaamiset",
    "ta.rahoitusarvopaperit",
}
MODELLED = {
    "earnings_growth",
    "employment_growth",
    "property_tax_growth",
    "corporate_tax_growth",
    "cost_real_growth",
    "income_real_growth",
    "interest_shift",
    "project_cost",
}


# ------------------------------------------------------------------ prepare


def kivijalka(binary, *args):
    try:
        out = subprocess.run([binary, *args], capture_output=True, text=True)
    except OSError as e:
        sys.exit(f"{binary}: {e.strerror}")
    if out.returncode not in (0, 1):
        sys.exit(f"{binary} {' '.join(args)}: exit {out.returncode}\n{out.stderr}")
    return out.stdout


def num(v):
    return None if v is None else float(v)


def path_at(path, year):
    """A scenario path's value in a year: the last step up to it, else its base."""
    if path is None:
        return None
    steps = sorted((int(y), float(v)) for y, v in path["steps"].items())
    value = num(path["base"])
    for y, v in steps:
        if y <= year:
            value = v
    return value


def indicator_start(ev, base, years):
    """What the first projected years' indicators are measured against (the
    start's net cost, group loans per resident and cash flows), and which
    indicator-years are not measurable in the deterministic forecast."""

    def value(i, y):
        return next((v for v in ev["values"] if v["indicator"] == i and v["year"] == y), {})

    def detail(v, name):
        return next((num(d["value"]) for d in v.get("details", []) if d["name"] == name), None)

    w = TARGETS["window_years"]
    ti_inputs = {
        x["year"]: float(x["value"])
        for x in value(5, base + 1).get("inputs", [])
        if x["item"] == "rl.toiminnan_ja_investointien_rahavirta"
    }
    start = {
        "net_cost": detail(value(3, base + 1), "vertailuvuoden_nettomenot"),
        "per_resident": detail(value(4, base + 1), "edellinen_vuosi_per_asukas"),
        # The years before the first projected one in its window.
        "ti_window": [ti_inputs.get(y) for y in range(base - w + 2, base + 1)],
    }
    not_measurable = {
        str(i): [value(i, y).get("status", "not_measurable") == "not_measurable" for y in years]
        for i in range(1, 6)
    }
    return start, not_measurable


def central_indicators(ev, years):
    """The deterministic forecast's indicator values and whether each is
    met, by indicator and year (None where not measurable): what the model
    with every driver central must reproduce."""
    out = {}
    for v in ev["values"]:
        if v["year"] in years:
            out.setdefault(str(v["indicator"]), {})[str(v["year"])] = (
                None if v.get("value") is None else [num(v["value"]), v["status"] == "met"])
    return out


def prepare(a):
    fc = json.loads(
        kivijalka(a.kivijalka, "forecast", a.workbook, "--scenario", a.scenario, "--format", "json")
    )
    # The workbook's own lines: the plan as the council approved it.
    st = json.loads(kivijalka(a.kivijalka, "statements", a.workbook, "--format", "json"))
    show = kivijalka(a.kivijalka, "scenario", "show", a.scenario)
    sc, proj, ev = fc["scenario"], fc["projection"], fc["evaluation"]
    base = proj["base_year"]
    rows = proj["rows"]
    years = [r["year"] for r in rows]
    last_given = max([base] + [r["year"] for r in rows if r["given"]])
    lines = {}
    for x in st:
        if x["entity"] == "city" and x["item"] in LINES_READ and base <= x["year"] <= last_given:
            lines.setdefault(x["year"], {})[x["item"]] = float(x["value"])
    lives, lag = {}, None
    for ln in show.splitlines():
        ln = ln.strip()
        if ln.startswith("investments.life_years."):
            key, _, rest = ln.partition(" = ")
            lives[key.rsplit(".", 1)[1]] = int(rest.split()[0])
        if ln.startswith("state_subsidies.population_lag_years = "):
            lag = int(ln.partition(" = ")[2].split()[0])
    if not lives or lag is None:
        sys.exit("`kivijalka scenario show` names no investments.life_years or no "
                 "state_subsidies.population_lag_years: its format has changed")
    # The residents of every year the workbook gives: the subsidies follow
    # the population of a year or two before the start.
    residents = {
        x["year"]: float(x["value"])
        for x in st
        if x["entity"] == "city" and x["item"] == "bg.asukasluku"
    }

    row_fields = [
        "population", "price_index_pct", "tax_revenue", "state_subsidies",
        "net_operating_cost", "annual_margin", "depreciation", "gross_investment",
        "investment_subsidies", "asset_sales", "borrowing", "repayments", "loans",
        "interest", "cash", "accumulated_surplus", "group_loans", "group_leases",
        "operating_and_investing", "earlier_surplus", "surplus", "interest_rate_pct",
    ]
    central = {f: [num(r[f]) for r in rows] for f in row_fields}

    start, not_measurable = indicator_start(ev, base, years)
    scenario = {
        k: sc[k] for k in ("tax", "subsidies", "operations", "investments", "loans", "group")
    }
    scenario["uncertainty"] = sc["uncertainty"]
    json.dump(
        {
            "made_by": f"kivijalka forecast {a.workbook} --scenario {a.scenario}",
            "base": base,
            "years": years,
            "given": [r["given"] for r in rows],
            "central": central,
            "lines": {str(y): v for y, v in lines.items()},
            "lives": lives,
            "population_lag": lag,
            "residents": {str(y): v for y, v in residents.items()},
            "indicators": central_indicators(ev, years),
            "scenario": scenario,
            "start": start,
            "not_measurable": not_measurable,
            "targets": TARGETS,
        },
        open(a.out, "w"),
        indent=1,
        ensure_ascii=False,
    )


# ------------------------------------------------------------------ the draws


def phi(z):
    """The standard normal CDF, vectorised (erfc by Numerical Recipes'
    Chebyshev fit, relative error below 1.2e-7: plenty for a statistic)."""
    x = np.abs(z) / math.sqrt(2.0)
    t = 1.0 / (1.0 + 0.5 * x)
    poly = -x * x - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (
        -0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (
            -0.82215223 + t * 0.17087277))))))))
    half = 0.5 * t * np.exp(poly)
    return np.where(z >= 0, 1.0 - half, half)


def inverse(dist, u):
    d = dist["distribution"]
    if d == "triangular":
        lo, mode, hi = dist["min"], dist["mode"], dist["max"]
        if hi == lo:
            return np.full_like(u, mode)
        c = (mode - lo) / (hi - lo)
        return np.where(
            u < c,
            lo + np.sqrt(u * (hi - lo) * (mode - lo)),
            hi - np.sqrt((1.0 - u) * (hi - lo) * (hi - mode)),
        )
    if d == "uniform":
        return dist["min"] + u * (dist["max"] - dist["min"])
    sys.exit(f"a {d} driver through the copula is not modelled")


def central_value(dist):
    d = dist["distribution"]
    if d in ("normal", "log_normal"):
        return dist["mean"]
    if d in ("triangular", "pert"):
        return dist["mode"]
    if d == "uniform":
        return (dist["min"] + dist["max"]) / 2.0
    return dist["location"]


def draw(unc, n_years, paths, rng, central):
    """Per driver a (years, paths) array of drawn values, four decimals."""
    items = unc["items"]
    n = len(items)
    if central:
        return [np.full((n_years, paths), central_value(i["dist"])) for i in items]
    key = [
        f"investments.project '{i['driver']['project_cost']}'.cost_overrun_pct"
        if isinstance(i["driver"], dict)
        else DRIVER_KEYS[i["driver"]]
        for i in items
    ]
    corr = np.eye(n)
    for c in unc["correlations"]:
        a = key.index(c["a"])
        b = key.index(c["b"])
        corr[a, b] = corr[b, a] = c["rho"]
    chol = np.linalg.cholesky(corr)
    shocks = np.einsum("ij,tjp->tip", chol, rng.standard_normal((n_years, n, paths)))
    out = []
    for k, item in enumerate(items):
        dist = item["dist"]
        once = isinstance(item["driver"], dict)
        p = 1.0 if once else item["persistence"]
        correlated = any(not np.isclose(corr[k, j], 0.0) for j in range(n) if j != k)
        if dist["distribution"] == "pert":
            # No inverse CDF of a beta in numpy: an independent draw has the
            # same distribution, which is all a statistic sees.
            if correlated or 0.0 < p < 1.0:
                sys.exit("a PERT driver that is correlated or walks is not modelled")
            lo, mode, hi = dist["min"], dist["mode"], dist["max"]
            r = hi - lo
            shape = (1, paths) if p >= 1.0 else (n_years, paths)
            x = lo + r * rng.beta(1 + 4 * (mode - lo) / r, 1 + 4 * (hi - mode) / r, shape)
            out.append(np.round(np.broadcast_to(x, (n_years, paths)), 4))
            continue
        z = np.empty((n_years, paths))
        z[0] = shocks[0, k]
        keep = math.sqrt(max(1.0 - p * p, 0.0))
        for t in range(1, n_years):
            z[t] = p * z[t - 1] + keep * shocks[t, k]
        if once:
            z[:] = z[0]
        d = dist["distribution"]
        if d == "normal":
            v = dist["mean"] + dist["sd"] * z
        elif d == "log_normal":
            s2 = math.log(1.0 + dist["sd"] ** 2 / dist["mean"] ** 2)
            v = np.exp(math.log(dist["mean"]) - s2 / 2.0 + math.sqrt(s2) * z)
        else:
            v = inverse(dist, phi(z))
        out.append(np.round(v, 4))
    return out


# ------------------------------------------------------------------ the model


def r2(v):
    """To the cent, half away from zero as kivijalka rounds. A product
    such as 1 234,5 × 1,0210 that is an exact half cent in decimals may be a
    hair below it in binary: the figure is first taken to six decimals."""
    x = np.round(v, 6) * 100.0
    return np.copysign(np.floor(np.abs(x) + 0.5), x) / 100.0


def ceil_cent(v):
    return np.ceil(np.round(v, 6) * 100.0) / 100.0


def covers(m, y):
    return y >= m["from"] and (m["to"] is None or y <= m["to"])


def measures(ms, y):
    return sum(float(m["amount"]) for m in ms if covers(m, y))


class Vintages:
    """Straight-line vintages: (from year, life, yearly amount per path)."""

    def __init__(self):
        self.items = []

    def add(self, year, life, amount):
        if life > 0:
            self.items.append((year, life, amount / life))

    def at(self, t):
        total = 0.0
        for year, life, yearly in self.items:
            if year < t <= year + life:
                total = total + yearly
        return total


def projects(s, lives, drivers, paths):
    """Each named project's spending, subsidies and plan share, per path
    where its cost is uncertain."""
    out = []
    inv = s["scenario"]["investments"]
    for p in inv["projects"]:
        f = np.ones(paths)
        for item, vals in drivers:
            if isinstance(item["driver"], dict) and item["driver"]["project_cost"] == p["name"]:
                drawn = 1.0 + vals[0] / 100.0
                centre = 1.0 + round(central_value(item["dist"]), 4) / 100.0
                f = drawn / centre
        cost = float(p["cost"])
        spending = p["spending"] and [float(x) for x in p["spending"]]
        if not spending or len(spending) != len(p["years"]):
            part = round(cost / len(p["years"]), 2)
            spending = [part] * (len(p["years"]) - 1)
            spending.append(cost - sum(spending))
        cost_p = r2(cost * f)
        spend = {}
        left = cost_p
        for i, y in enumerate(p["years"]):
            v = left if i + 1 == len(p["years"]) else r2(spending[i] * f)
            left = left - v
            spend[y] = spend.get(y, 0.0) + v
        subsidy = np.minimum(float(p["subsidy"]), cost_p)
        # The plan holds the amounts it was made with (kivijalka fixes them
        # before an overrun scales the cost): an overrun is spending beyond it.
        ps = p["plan_spending"] and [float(x) for x in p["plan_spending"]]
        if p["in_plan"] and ps and len(ps) == len(p["in_plan"]):
            plan = dict(zip(p["in_plan"], ps))
        elif p["in_plan"] == p["years"]:
            plan = spend
        elif p["in_plan"]:
            part = r2(cost_p / len(p["in_plan"]))
            ps = [part] * (len(p["in_plan"]) - 1) + [cost_p - part * (len(p["in_plan"]) - 1)]
            plan = dict(zip(p["in_plan"], ps))
        else:
            plan = {}

        def share(sp, y):
            total = sum(sp.values())
            return np.where(total == 0, 0.0, r2(subsidy * sp[y] / np.where(total == 0, 1.0, total)))

        out.append({
            "class": p["class"],
            "life": lives.get(p["class"], 0),
            "completion": max(p["years"]),
            "plan_completion": max(p["in_plan"]) if p["in_plan"] else None,
            "land_sales": float(p["land_sales"]),
            "spend": {y: (v, share(spend, y)) for y, v in spend.items()},
            "plan": {y: (v, share(plan, y)) for y, v in plan.items()},
        })
    return out


class Model:
    """All paths at once. The fixed part (the plan, its investments and
    loans, the start of the running figures) is made here; `run` steps the
    years."""

    def __init__(self, s, paths, seed, central=False):
        self.s, self.paths, self.central = s, paths, central
        self.sc = sc = s["scenario"]
        self.base, self.years, self.given = s["base"], s["years"], s["given"]
        self.c = {k: np.array([np.nan if v is None else v for v in vs]) for k, vs in s["central"].items()}
        self.lines = {int(y): v for y, v in s["lines"].items()}
        unc = sc["uncertainty"]
        for item in unc["items"]:
            kind = "project_cost" if isinstance(item["driver"], dict) else item["driver"]
            if kind not in MODELLED:
                sys.exit(f"the driver {kind} is not modelled")
        if sc["tax"]["rate_changes"] or sc["investments"]["cap"]:
            sys.exit("tax rate changes and an investment cap are not modelled")
        tax, sub = sc["tax"], sc["subsidies"]
        if tax["property_rate_pct"] is not None or tax["corporate_share_pct"] is not None:
            sys.exit("a property tax rate or a corporate tax share is not modelled")
        if sub["equalisation"] is not None:
            sys.exit("the subsidies' tax-revenue equalisation is not modelled")
        rng = np.random.default_rng(seed)
        self.drawn = list(zip(unc["items"], draw(unc, len(self.years), paths, rng, central)))
        self.given_years = [y for y, g in zip(self.years, self.given) if g]
        if not self.given_years:
            sys.exit("a projection without budget or plan years is not modelled")
        self.g = self.given_years[-1]
        self.general_life = s["lives"].get("general", 0)
        self.prj = projects(s, s["lives"], self.drawn, paths)
        self.plan_investments()
        self.plan_loans()
        self.start()

    def z(self, y, line):
        return self.lines.get(y, {}).get(line, 0.0)

    def driver(self, name, ti, path):
        """A driver's value in a year as a fraction: drawn, else the scenario's."""
        for item, vals in self.drawn:
            if item["driver"] == name:
                return vals[ti] / 100.0
        return (path_at(path, self.years[ti]) or 0.0) / 100.0

    def investing(self, y):
        """Gross investment, subsidies and sales; from the investments' cash
        flow where a plan prints only that."""
        z, got = self.z, self.lines.get(y, {})
        subs, sales = z(y, "rl.rahoitusosuudet"), z(y, "rl.luovutustulot")
        if "rl.investointimenot" in got:
            return -got["rl.investointimenot"], subs, sales
        return -z(y, "rl.investointien_rahavirta") + subs + sales, subs, sales

    def operating(self, y):
        """Operating income, costs and production for own use; the costs from
        the operating margin where a budget prints only that."""
        z, got = self.z, self.lines.get(y, {})
        ti, valm = z(y, "tl.toimintatuotot"), z(y, "tl.valmistus_omaan_kayttoon")
        kulut = got.get("tl.toimintakulut", z(y, "tl.toimintakate") - ti - valm)
        return ti, kulut, valm

    def spend_of(self, kind, y):
        """The named projects' gross, subsidies and land sales in a year:
        as the scenario has them ("spend") or as the plan holds them."""
        gross = subs = sales = 0.0
        for p in self.prj:
            if y in p[kind]:
                gross = gross + p[kind][y][0]
                subs = subs + p[kind][y][1]
            if y == (p["completion"] if kind == "spend" else p["plan_completion"]):
                sales = sales + p["land_sales"]
        return gross, subs, sales

    def general_given(self, y):
        """The plan's own investments without its named projects."""
        pg, ps, pl = self.spend_of("plan", y)
        ig, isub, il = self.investing(y)
        return ig - pg, isub - ps, il - pl

    def plan_investments(self):
        """The plan's vintages, the trend beyond it, and the existing assets'
        depreciation level and book value."""
        z, g = self.z, self.g
        plan_v = Vintages()
        for p in self.prj:
            if p["plan"]:
                plan_v.add(p["plan_completion"], p["life"], sum(v - sh for v, sh in p["plan"].values()))
        for y in self.given_years:
            gg, gs, _ = self.general_given(y)
            plan_v.add(y, self.general_life, gg - gs)
        sums = [self.general_given(y) for y in self.given_years]
        self.trend = tuple(r2(sum(x[i] for x in sums) / len(sums)) for i in range(3))
        self.existing_level = np.maximum(self.dep_given(g) - plan_v.at(g), 0.0)
        b = self.base
        book = z(b, "ta.aineelliset") + z(b, "ta.aineettomat") - z(b, "ta.maa_ja_vesialueet")
        for y in self.given_years:
            book = book - np.maximum(self.dep_given(y) - plan_v.at(y), 0.0)
        self.book, self.used = book, 0.0
        self.plan_v, self.scen_v = plan_v, Vintages()

    def dep_given(self, y):
        return -self.z(y, "tl.poistot_ja_arvonalentumiset")

    def residents(self, y):
        """The residents at the end of `y`: the projection's path, else the
        workbook's; None unless positive."""
        ti = y - self.years[0]
        if 0 <= ti < len(self.years):
            v = self.c["population"][ti]
        else:
            v = self.s["residents"].get(str(y), self.s["residents"].get(y))
            v = np.nan if v is None else v
        return v if v > 0 else None

    def ratio(self, b, a):
        rb, ra = self.residents(b), self.residents(a)
        return None if rb is None or ra is None else rb / ra

    def per_resident_of(self, eur, y):
        """Euros per resident times the residents of `y`; zero without either."""
        p = self.residents(y)
        return 0.0 if eur is None or p is None else r2(float(eur) * p)

    def subsidies(self, t, pi):
        """State subsidies beyond the plan: the basic-services part indexed
        (less the user's cut) with the residents `lag` years before, less
        the per-resident cuts, plus the fixed elements."""
        sub, lag = self.sc["subsidies"], self.lag
        idx = pi if sub["index_pct"] is None else (path_at(sub["index_pct"], t) or 0.0) / 100.0
        cut = (path_at(sub["index_cut_pp"], t) or 0.0) / 100.0
        v = self.basic * (1.0 + idx - cut)
        if sub["follow_population"]:
            p = self.ratio(t - lag, t - lag - 1)
            if p is not None:
                v = v * p
        self.basic = r2(v) - self.per_resident_of(sub["index_cut_eur"].get(str(t)), t - lag)
        fixed = path_at(sub["fixed"], t) or 0.0
        total = self.basic + fixed - self.per_resident_of(sub["per_resident_cut"].get(str(t)), t - lag)
        pre = sub["preliminary"].get(str(t))
        if pre is not None:
            self.basic = self.basic + float(pre) - total
            total = float(pre)
        return total + measures(sub["changes"], t)

    def lyhyt(self, y):
        return self.z(y, "rl.lyhytaikaisten_lainojen_muutos")

    def plan_loans(self):
        """The plan's loan path, the rate it implies and its maturity."""
        z, c, g, loans = self.z, self.c, self.g, self.sc["loans"]
        self.loans0 = c["loans"][0] - c["borrowing"][0] + c["repayments"][0] - self.lyhyt(self.years[0])
        pl = {self.base: self.loans0}
        for y in self.given_years:
            pl[y] = (pl[y - 1] + z(y, "rl.pitkaaikaisten_lainojen_lisays")
                     + z(y, "rl.pitkaaikaisten_lainojen_vahennys") + self.lyhyt(y))
        avg = (pl[g - 1] + pl[g]) / 2.0
        self.implied = round(100.0 * -z(g, "tl.korkokulut") / avg, 2) if avg > 0 else 0.0
        m = num(loans["average_maturity_years"])
        if m is None:
            rep = -z(g, "rl.pitkaaikaisten_lainojen_vahennys")
            m = round(pl[g] / rep, 1) if rep > 0 and pl[g] > 0 else 20.0
        self.pl, self.maturity = pl, m
        self.var_share = float(loans["variable_share_pct"]) / 100.0
        self.own_changes = [(ch["from"], float(ch["change_pp"])) for ch in loans["rate_changes"]]
        self.repayments = {int(y): float(v) for y, v in loans["repayments"].items()}

    def start(self):
        """The running figures at the start, and the indicators' start."""
        z, g, tax, P = self.z, self.g, self.sc["tax"], self.paths
        b = self.base
        self.cash_prev = (z(b, "ta.rahat_ja_pankkisaamiset") + z(b, "ta.rahoitusarvopaperit")) * np.ones(P)
        self.loans_prev = self.loans0 * np.ones(P)
        self.acc = self.c["earlier_surplus"][0] * np.ones(P)
        self.ops_b = self.operating(g)
        verot_g = z(g, "tl.verotulot")
        inc = r2(verot_g * float(tax["income_share_pct"]) / 100.0)
        prop = r2(verot_g * float(tax["property_share_pct"]) / 100.0)
        self.tax_b = (inc, prop, verot_g - inc - prop)
        sub = self.sc["subsidies"]
        # The basic-services part: the subsidies of the last given year less
        # their fixed elements (the equalisation is not modelled).
        self.basic = z(g, "tl.valtionosuudet") - (path_at(sub["fixed"], g) or 0.0)
        self.lag = self.s["population_lag"]
        self.fin = z(g, "tl.korkotuotot") + z(g, "tl.muut_rahoitustuotot") + z(g, "tl.muut_rahoituskulut")
        st = self.s["start"]
        self.prev_nc = np.nan if st["net_cost"] is None else st["net_cost"]
        self.prev_pr = None if st["per_resident"] is None else math.floor(st["per_resident"] + 0.5)
        self.window = [np.full(P, np.nan if v is None else v) for v in st["ti_window"]]
        T = len(self.years)
        self.values = np.full((5, T, P), np.nan)
        self.met = np.zeros((5, T, P), dtype=bool)
        self.check = []

    def investments(self, ti, t, pi):
        """The year's gross investment, subsidies and sales, and its vintages."""
        inv = self.sc["investments"]
        if self.given[ti]:
            gen = self.general_given(t)
        else:
            self.trend = tuple(r2(x * (1.0 + pi)) for x in self.trend)
            over = [path_at(inv[k], t) for k in ("trend_gross", "trend_subsidies", "trend_sales")]
            gen = tuple(self.trend[i] if over[i] is None else over[i] for i in range(3))
        ps = self.spend_of("spend", t)
        self.scen_v.add(t, self.general_life, gen[0] - gen[1])
        for p in self.prj:
            if t in p["spend"]:
                v, sh = p["spend"][t]
                self.scen_v.add(max(p["completion"], t), p["life"], v - sh)
        return gen[0] + ps[0], gen[1] + ps[1], gen[2] + ps[2]

    def plan_year(self, ti, t, net_inv, dr):
        """A budget or plan year: its own operations, its borrowing with the
        interest shift and the investments' difference on top."""
        z, c = self.z, self.c
        dep = r2(self.dep_given(t) + self.scen_v.at(t) - self.plan_v.at(t))
        # The plan's cash flow before interest and investments.
        before = (c["operating_and_investing"][ti] + c["interest"][ti]
                  + c["gross_investment"][ti] - c["investment_subsidies"][ti] - c["asset_sales"][ti])
        ti_ex = before - net_inv
        i_p = -z(t, "tl.korkokulut")
        a_p = (self.pl[t - 1] + self.pl[t]) / 2.0
        r_p = i_p / a_p if a_p > 0 else 0.0
        r = r_p + dr
        repay = self.repayments.get(t, -z(t, "rl.pitkaaikaisten_lainojen_vahennys"))
        lyhyt = self.lyhyt(t)
        i0 = i_p - r_p * a_p + r * (2.0 * self.loans_prev - repay + lyhyt) / 2.0
        # The plan's borrowing covers its own cash flow; the path borrows
        # what its cash flow falls short of the plan's, besides.
        plan_ti_ex = z(t, "rl.toiminnan_ja_investointien_rahavirta") + i_p
        kk = z(t, "rl.pitkaaikaisten_lainojen_lisays") + plan_ti_ex - i_p - ti_ex
        prev_cash = c["cash"][ti - 1] if ti else self.cash_prev[0]
        other = (c["cash"][ti] - prev_cash - c["operating_and_investing"][ti]
                 - c["borrowing"][ti] + c["repayments"][ti])
        self.revenue = c["tax_revenue"][ti], c["state_subsidies"][ti]
        return dep, ti_ex, r, i0, kk, repay, lyhyt, other, c["net_operating_cost"][ti]

    def beyond_year(self, ti, t, pi, gross, net_inv, dr):
        """A year beyond the plan: every line grows by its driver; new loans
        keep the minimum cash."""
        sc, c = self.sc, self.c
        ops, tax, loans = sc["operations"], sc["tax"], sc["loans"]
        runoff = sc["investments"]["existing_runoff_years"]
        level = self.existing_level
        if runoff is not None:
            level = level * max(runoff - (t - self.g - 1), 0) / runoff if runoff > 0 else 0.0
        level = np.minimum(level, np.maximum(self.book - self.used, 0.0))
        self.used = self.used + level
        dep = r2(level + self.scen_v.at(t))
        pop0, pop1 = (c["population"][ti - 1] if ti else np.nan), c["population"][ti]
        follow = float(ops["cost_follows_population_pct"]) / 100.0
        people = 1.0 + follow * (pop1 / pop0 - 1.0) if follow and pop0 > 0 else 1.0
        ig = self.driver("income_real_growth", ti, ops["income_real_growth_pct"])
        cg = self.driver("cost_real_growth", ti, ops["cost_real_growth_pct"])
        ti_b, kulut_b, valm_b = self.ops_b
        self.ops_b = ti_b, kulut_b, valm_b = (
            r2(ti_b * (1.0 + pi + ig)), r2(kulut_b * (1.0 + pi + cg) * people), r2(valm_b * (1.0 + pi)))
        income = ti_b + measures(ops["income_changes"], t) + valm_b
        kulut = kulut_b + measures(ops["savings"], t)
        inc, prop, corp = self.tax_b
        grow = lambda name, key: 1.0 + self.driver(name, ti, tax[key])  # noqa: E731
        earnings = grow("earnings_growth", "earnings_growth_pct")
        v = inc * earnings * grow("employment_growth", "employment_growth_pct")
        if tax["follows_population"]:
            p = self.ratio(t, t - 1)
            if p is not None:
                v = v * p
        self.tax_b = (r2(v),
                      r2(prop * grow("property_tax_growth", "property_growth_pct")),
                      r2(corp * grow("corporate_tax_growth", "corporate_growth_pct")))
        vos = self.subsidies(t, pi)
        ti_ex = income + kulut + sum(self.tax_b) + vos + self.fin - net_inv
        rate = path_at(loans["interest_rate_pct"], t)
        r = (self.implied if rate is None else rate) / 100.0 + dr
        lp = self.loans_prev
        repay = self.repayments.get(t, np.minimum(r2(lp / self.maturity), np.maximum(lp, 0.0)))
        i0 = r * (2.0 * lp - repay) / 2.0
        fixed = num(loans["min_cash"])
        if fixed is None:
            min_cash = r2(float(loans["min_cash_days"]) * (-kulut + gross) / 365.0)
        else:
            min_cash = fixed
        kk = min_cash - self.cash_prev - ti_ex + repay
        self.revenue = sum(self.tax_b), vos
        return dep, ti_ex, r, i0, kk, repay, 0.0, 0.0, -(income + kulut)

    def run(self):
        """Per indicator a (years, paths) array of values (NaN where not
        measurable) and of met, and the central check's rows."""
        c = self.c
        for ti, t in enumerate(self.years):
            pi = c["price_index_pct"][ti] / 100.0
            own = sum(v for f, v in self.own_changes if f <= t) / 100.0
            dr = (own + self.driver("interest_shift", ti, None)) * self.var_share
            gross, subs, sales = self.investments(ti, t, pi)
            net_inv = gross - subs - sales
            if self.given[ti]:
                step = self.plan_year(ti, t, net_inv, dr)
            else:
                step = self.beyond_year(ti, t, pi, gross, net_inv, dr)
            dep, ti_ex, r, i0, kk, repay, lyhyt, other, net_cost = step
            # Borrowing and interest in closed form, as kivijalka solves them.
            k = r / 2.0
            x = kk + i0
            borrow = np.where((x > 0) & (k < 1), ceil_cent(x / (1.0 - k)), 0.0)
            interest = r2(i0 + k * borrow)
            loans_now = self.loans_prev + borrow - repay + lyhyt
            t_i = ti_ex - interest
            cash = self.cash_prev + t_i + borrow - repay + other
            # Extraordinary items, corrections and appropriations: the
            # deterministic forecast's, which no driver moves.
            corrections = (c["operating_and_investing"][ti] + c["gross_investment"][ti]
                           - c["investment_subsidies"][ti] - c["asset_sales"][ti] - c["annual_margin"][ti])
            margin = t_i + net_inv - corrections
            fixed = c["surplus"][ti] - c["annual_margin"][ti] + c["depreciation"][ti]
            self.acc = self.acc + margin - dep + fixed
            # The group's companies borrow what they borrow whatever the
            # city's path: their loans are the deterministic forecast's.
            gl = None if np.isnan(c["group_loans"][ti]) else loans_now + c["group_loans"][ti] - c["loans"][ti]
            if self.central:
                self.check.append({
                    "year": t, "annual_margin": margin, "interest": interest, "borrowing": borrow,
                    "loans": loans_now, "cash": cash, "accumulated_surplus": self.acc,
                    "depreciation": dep, "net_operating_cost": net_cost, "group_loans": gl,
                    "tax_revenue": self.revenue[0], "state_subsidies": self.revenue[1],
                    "operating_and_investing": t_i, "gross_investment": gross,
                    "investment_subsidies": subs, "asset_sales": sales})
            # Indicator 1 counts gross investment as a size, whatever its sign.
            ni = np.abs(gross) - subs - sales
            self.measure(ti, margin, ni, net_cost, gl, t_i)
            self.loans_prev, self.cash_prev = loans_now, cash
        return self.values, self.met, self.check

    def measure(self, ti, margin, ni, net_cost, gl, t_i):
        """The five indicators of the year, by the rules of kivijalka's
        indicators module."""
        c, tg, nm, v, m = self.c, self.s["targets"], self.s["not_measurable"], self.values, self.met
        v[0, ti] = margin - ni
        m[0, ti] = margin >= ni * tg["min_coverage_pct"] / 100.0
        v[1, ti] = self.acc
        m[1, ti] = self.acc > tg["accumulated_surplus_above"]
        if not nm["3"][ti]:
            growth = np.where(self.prev_nc > 0, 100.0 * (net_cost - self.prev_nc) / self.prev_nc, np.nan)
            v[2, ti] = growth
            m[2, ti] = np.round(growth, 1) <= c["price_index_pct"][ti] + tg["allowance_pp"]
        self.prev_nc = net_cost
        leases = c["group_leases"][ti] if tg["include_leases"] else 0.0
        pop = c["population"][ti]
        if gl is not None and pop > 0 and not np.isnan(leases):
            now = (gl + leases) / pop
            whole = np.floor(np.abs(now) + 0.5) * np.sign(now)
            if self.prev_pr is not None and not nm["4"][ti]:
                v[3, ti] = now
                m[3, ti] = whole - self.prev_pr <= 0
            self.prev_pr = whole
        else:
            self.prev_pr = None
        self.window = (self.window + [t_i])[-tg["window_years"]:]
        total = sum(self.window)
        v[4, ti] = total
        m[4, ti] = total > tg["cash_flow_above"]


def model(s, paths, seed, central=False):
    return Model(s, paths, seed, central).run()


def summary(values, met):
    """Per indicator and year the percentiles and P(met); per year all five."""
    measurable = ~np.isnan(values)
    pct = np.full(values.shape[:2] + (5,), np.nan)
    for i in range(values.shape[0]):
        for t in range(values.shape[1]):
            v = values[i, t]
            if measurable[i, t].all():
                pct[i, t] = np.percentile(v, PERCENTILES)
            elif measurable[i, t].any():
                pct[i, t] = np.percentile(v[measurable[i, t]], PERCENTILES)
    p_met = met.mean(axis=2)
    all_met = met.all(axis=0).mean(axis=1)
    return pct, p_met, all_met


# ------------------------------------------------------------------ run


def fmt(v):
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return "—"
    return f"{v:,.0f}" if abs(v) >= 1000 else f"{v:.2f}"


def compare(s, pct, p_met, path):
    k = json.load(open(path))
    cells = {(x["indicator"], x["year"]): x for x in k["cells"]}
    print(f"\nnumpy against kivijalka ({k['paths']} paths, seed {k['seed']}):")
    print(f"{'ind':>3} {'year':>4}  {'P5 numpy':>14} {'P5 kivijalka':>14}  {'P50 numpy':>14} "
          f"{'P50 kivijalka':>14}  {'P95 numpy':>14} {'P95 kivijalka':>14}  {'P(met)':>6} {'kivijalka':>9}")
    worst, at = 0.0, "-"
    for i in range(5):
        for ti, y in enumerate(s["years"]):
            x = cells.get((i + 1, y))
            if x is None:
                continue
            kp = [float("nan") if v is None else v for v in x["percentiles"]]
            print(f"{i + 1:>3} {y:>4}  {fmt(pct[i, ti, 0]):>14} {fmt(kp[0]):>14}  {fmt(pct[i, ti, 2]):>14} "
                  f"{fmt(kp[2]):>14}  {fmt(pct[i, ti, 4]):>14} {fmt(kp[4]):>14}  "
                  f"{p_met[i, ti]:>6.3f} {x['p_met']:>9.3f}")
            # The median's distance in units of the 5–95 spread.
            spread = kp[4] - kp[0]
            if spread > 0 and not math.isnan(pct[i, ti, 2]):
                gap = abs(pct[i, ti, 2] - kp[2]) / spread
                if gap > worst:
                    worst, at = gap, f"indicator {i + 1}, {y}"
    print(f"largest gap between the medians: {worst:.3f} of kivijalka's 5–95 spread ({at})")


def central_check(s, values, met, check):
    """Every driver at its central value, against kivijalka's deterministic
    forecast: each year's figures and each indicator's value. True when
    every figure is the forecast's to the cent (the percent of indicator 3
    and the euros per resident of indicator 4 to a millionth)."""
    c = s["central"]
    worst = (0.0, None, None)
    for ti, row in enumerate(check):
        for f, v in row.items():
            if f == "year" or v is None or c[f][ti] is None:
                continue
            d = abs(float(np.asarray(v).ravel()[0]) - c[f][ti])
            if d > worst[0]:
                worst = (d, row["year"], f)
    rows_ok = worst[0] < 0.005
    print(f"every driver central: the year figures differ from kivijalka's forecast by at most "
          f"{worst[0]:.2f} € ({worst[2] or '-'}, {worst[1] or '-'})")
    worst_i, at, measurable = 0.0, "-", True
    for i in range(5):
        for ti, y in enumerate(s["years"]):
            want = s["indicators"].get(str(i + 1), {}).get(str(y))
            got = float(values[i, ti, 0])
            if (want is None) != math.isnan(got):
                measurable = False
                at = f"indicator {i + 1}, {y}: measurable in one only"
                continue
            if want is None:
                continue
            want, want_met = want
            if bool(met[i, ti, 0]) != want_met:
                measurable = False
                at = f"indicator {i + 1}, {y}: met in one only"
            # Indicators 3 and 4 are ratios, the others euros: the
            # difference in units of what each must hold to.
            d = abs(got - want) / (1e-6 if i in (2, 3) else 0.005)
            if d > worst_i:
                worst_i, at = d, f"indicator {i + 1}, {y}: {got} against {want}"
    ind_ok = measurable and worst_i < 1.0
    print(f"every driver central: the indicators {'equal' if ind_ok else 'differ from'} "
          f"kivijalka's forecast{'' if ind_ok else f' (largest at {at})'}")
    return rows_ok and ind_ok


def run(a):
    global np
    import numpy

    np = numpy
    s = json.load(open(a.start))
    central_values, central_met, check = model(s, 1, a.seed, central=True)
    if a.check:
        sys.exit(0 if central_check(s, central_values, central_met, check) else 1)
    # The CPU time beside the wall time: on a shared machine the wall time
    # counts the other work's turns on the core too.
    times, cpu = [], []
    for _ in range(a.repeat):
        t0, c0 = time.perf_counter(), time.process_time()
        values, met, _ = model(s, a.paths, a.seed)
        pct, p_met, all_met = summary(values, met)
        times.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
    times.sort()
    cpu.sort()
    if not a.quiet:
        central_check(s, central_values, central_met, check)
        print(f"{'ind':>3} {'year':>4} " + " ".join(f"{'P' + str(p):>14}" for p in PERCENTILES)
              + f" {'P(met)':>7}")
        for i in range(5):
            for ti, y in enumerate(s["years"]):
                print(f"{i + 1:>3} {y:>4} " + " ".join(f"{fmt(v):>14}" for v in pct[i, ti])
                      + f" {p_met[i, ti]:>7.3f}")
        print("all five met: " + ", ".join(f"{y} {p:.3f}" for y, p in zip(s["years"], all_met)))
        if a.compare:
            compare(s, pct, p_met, a.compare)
    print(f"model: {times[len(times) // 2]:.3f} s median, {times[0]:.3f} s fastest, "
          f"CPU {cpu[len(cpu) // 2]:.3f} s median "
          f"({a.paths} paths x {len(s['years'])} years, {a.repeat} runs)")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("prepare", help="the start values from kivijalka's forecast JSON")
    p.add_argument("--kivijalka", required=True)
    p.add_argument("--workbook", required=True)
    p.add_argument("--scenario", required=True)
    p.add_argument("--out", required=True)
    r = sub.add_parser("run", help="simulate")
    r.add_argument("--start", required=True)
    r.add_argument("--paths", type=int, default=10000)
    r.add_argument("--seed", type=int, default=1)
    r.add_argument("--repeat", type=int, default=1)
    r.add_argument("--compare", help="kivijalka simulate --format json output")
    r.add_argument("--quiet", action="store_true", help="only the model's time")
    r.add_argument("--check", action="store_true",
                   help="only the check with every driver central; exit 1 unless it holds")
    a = ap.parse_args()
    prepare(a) if a.cmd == "prepare" else run(a)


if __name__ == "__main__":
    main()
