"""Independent reference values for the BG/NBD and Gamma-Gamma models.

What it produces
----------------
``tests/fixtures/predict/lifetimes-reference.json``: reference numbers computed
with the Python package ``lifetimes`` (0.11.3, MIT licence), an implementation
of the BG/NBD model of Fader, Hardie & Lee (2005), "Counting Your Customers
the Easy Way", Marketing Science 24(2), and the Gamma-Gamma spend model of
Fader & Hardie (2013), "The Gamma-Gamma Model of Monetary Value"
(brucehardie.com note 025). lifetimes was written independently of this
project, so its numbers serve as an outside check on the Rust implementation.

The input is ``tests/fixtures/predict/cdnow-sample.csv`` (columns
customer,date,amount; the CDNOW 1/10 sample, ISO dates). The JSON holds:

* ``summary``: RFM summary (lifetimes.utils.summary_data_from_transaction_data,
  freq 'D', observation end 1997-09-30; recency and T divided by 7 -> weeks),
  totals, rows for customers 1..30, and the calibration/holdout split
  (calibration end 1997-09-30, observation end 1998-06-30).
* ``bg_nbd_fit``: BetaGeoFitter(penalizer_coef=0) fitted on that summary.
* ``at_paper_params``: log-likelihood, P(alive), conditional and population
  expected purchases at the paper's r, alpha, a, b.
* ``gamma_gamma_fit``: GammaGammaFitter(penalizer_coef=0) on repeat buyers.
* ``at_paper_gg_params``: expected average profit and lifetimes' CLV at the
  paper's p, q, v.
* ``notes`` and ``versions``.

Nothing is rounded: floats are written at full double precision.

How to run
----------
It needs a virtualenv with lifetimes and old-enough numpy/pandas/scipy::

    python3.11 -m venv /tmp/lifetimes-venv
    /tmp/lifetimes-venv/bin/pip install lifetimes==0.11.3 numpy==1.26.4 \
        pandas==1.5.3 scipy==1.11.4 autograd==1.9.1
    /tmp/lifetimes-venv/bin/python scripts/reference/lifetimes_reference.py

Run it from the repository root (paths are also resolved relative to this
file). It is NOT part of ``npm test`` or any automated test run; the JSON it
writes is committed as a fixture and read by the tests.
"""

import json
import math
import os
import sys

import numpy
import pandas as pd
import scipy
import scipy.special as sp

import lifetimes
from lifetimes import BetaGeoFitter, GammaGammaFitter
from lifetimes.utils import calibration_and_holdout_data, summary_data_from_transaction_data

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
INPUT = os.path.join(ROOT, "tests", "fixtures", "predict", "cdnow-sample.csv")
OUTPUT = os.path.join(ROOT, "tests", "fixtures", "predict", "lifetimes-reference.json")

CAL_END = "1997-09-30"
OBS_END = "1998-06-30"
PAPER_BG = {"r": 0.2426, "alpha": 4.4136, "a": 0.7929, "b": 2.4259}
PAPER_GG = {"p": 6.25, "q": 3.74, "v": 15.44}
IDS = list(range(1, 31))
T_LIST = [1.0, 4.345, 10.0, 30.0 / 7.0, 90.0 / 7.0, 52.0, 365.0 / 7.0, 104.0]
POP_T_LIST = [1.0, 10.0, 39.0, 52.0, 78.0, 104.0]
EDGE_CASES = [
    (0, 0.0, 0.0),
    (0, 0.0, 38.86),
    (200, 38.0, 38.86),
    (1, 0.14, 0.14),
    (5, 30.0, 39.0),
    (20, 38.5, 39.0),
    (50, 70.0, 78.0),
]


def f(v):
    """Plain Python float, full precision; non-finite values become strings."""
    v = float(v)
    if math.isfinite(v):
        return v
    return repr(v)


def bg_ll_own(params, x, t_x, T):
    """Per-customer BG/NBD log-likelihood, own numpy formula (FHL 2005 eq. 6).

    L = B(a, b+x)/B(a, b) * Gamma(r+x) alpha^r / (Gamma(r) (alpha+T)^(r+x))
        + [x>0] * B(a+1, b+x-1)/B(a, b) * Gamma(r+x) alpha^r / (Gamma(r) (alpha+t_x)^(r+x))
    """
    r, alpha, a, b = params["r"], params["alpha"], params["a"], params["b"]
    x = numpy.asarray(x, dtype=float)
    t_x = numpy.asarray(t_x, dtype=float)
    T = numpy.asarray(T, dtype=float)
    common = sp.gammaln(r + x) - sp.gammaln(r) + r * numpy.log(alpha)
    l1 = sp.betaln(a, b + x) - sp.betaln(a, b) - (r + x) * numpy.log(alpha + T)
    xs = numpy.maximum(x, 1.0)
    l2 = sp.betaln(a + 1, b + xs - 1) - sp.betaln(a, b) - (r + x) * numpy.log(alpha + t_x)
    l2 = numpy.where(x > 0, l2, -numpy.inf)
    return common + numpy.logaddexp(l1, l2)


def bg_ll_lifetimes(params, x, t_x, T):
    """Total BG/NBD log-likelihood via lifetimes' internal (mean) NLL times n."""
    logp = numpy.log([params["r"], params["alpha"], params["a"], params["b"]])
    x = numpy.asarray(x).astype(int)
    w = numpy.ones_like(x, dtype=int)
    nll_mean = BetaGeoFitter._negative_log_likelihood(
        logp, x, numpy.asarray(t_x, float), numpy.asarray(T, float), w, 0.0
    )
    return -float(nll_mean) * w.sum()


def gg_ll_own(params, x, m):
    """Per-customer Gamma-Gamma log-likelihood of mean spend m_x (Fader & Hardie 2013)."""
    p, q, v = params["p"], params["q"], params["v"]
    x = numpy.asarray(x, float)
    m = numpy.asarray(m, float)
    return (
        sp.gammaln(p * x + q) - sp.gammaln(p * x) - sp.gammaln(q)
        + q * numpy.log(v) + (p * x - 1) * numpy.log(m) + p * x * numpy.log(x)
        - (p * x + q) * numpy.log(v + m * x)
    )


def gg_ll_lifetimes(params, x, m):
    logp = numpy.log([params["p"], params["q"], params["v"]])
    x = numpy.asarray(x, float)
    w = numpy.ones_like(x, dtype=int)
    nll_mean = GammaGammaFitter._negative_log_likelihood(logp, x, numpy.asarray(m, float), w, 0.0)
    return -float(nll_mean) * w.sum()


def make_bgf(params):
    bgf = BetaGeoFitter(penalizer_coef=0.0)
    bgf.params_ = pd.Series([params[k] for k in ("r", "alpha", "a", "b")], index=["r", "alpha", "a", "b"])
    # `predict` is only bound inside fit(); the CLV helper calls it.
    bgf.predict = bgf.conditional_expected_number_of_purchases_up_to_time
    return bgf


def main():
    tx = pd.read_csv(INPUT, dtype={"customer": int, "date": str, "amount": float})
    tx["date"] = pd.to_datetime(tx["date"], format="%Y-%m-%d")

    # ---- a. summary -------------------------------------------------------
    summ = summary_data_from_transaction_data(
        tx, "customer", "date", monetary_value_col="amount",
        observation_period_end=CAL_END, freq="D",
    )
    summ = summ.sort_index()
    summ["recency_w"] = summ["recency"] / 7.0
    summ["T_w"] = summ["T"] / 7.0

    rows = []
    for cid in IDS:
        s = summ.loc[cid]
        rows.append({"id": cid, "x": f(s["frequency"]), "t_x": f(s["recency_w"]),
                     "T": f(s["T_w"]), "monetary": f(s["monetary_value"])})

    ch = calibration_and_holdout_data(
        tx, "customer", "date", calibration_period_end=CAL_END,
        observation_period_end=OBS_END, freq="D", monetary_value_col="amount",
    ).sort_index()
    # The calibration half must equal the plain summary.
    assert (ch["frequency_cal"].values == summ["frequency"].values).all()
    assert (ch["recency_cal"].values == summ["recency"].values).all()
    assert (ch["T_cal"].values == summ["T"].values).all()

    n_same_day = int((tx[tx["date"] <= CAL_END].groupby(["customer", "date"]).size() > 1).sum())

    summary = {
        "source": "tests/fixtures/predict/cdnow-sample.csv",
        "observation_period_end": CAL_END,
        "freq": "D (recency and T then divided by 7 -> weeks)",
        "n_customers": int(len(summ)),
        "n_repeat_buyers": int((summ["frequency"] > 0).sum()),
        "sum_frequency": f(summ["frequency"].sum()),
        "sum_recency_weeks": f(summ["recency_w"].sum()),
        "sum_T_weeks": f(summ["T_w"].sum()),
        "sum_monetary_value": f(summ["monetary_value"].sum()),
        "n_customer_days_with_several_transactions_in_calibration": n_same_day,
        "customers_1_30": rows,
        "calibration_holdout": {
            "calibration_period_end": CAL_END,
            "observation_period_end": OBS_END,
            "duration_holdout_days": f(ch["duration_holdout"].iloc[0]),
            "duration_holdout_weeks": f(ch["duration_holdout"].iloc[0] / 7.0),
            "total_frequency_holdout": f(ch["frequency_holdout"].sum()),
            "n_customers_with_holdout_purchase": int((ch["frequency_holdout"] > 0).sum()),
            "frequency_holdout_customers_1_30": [
                {"id": cid, "x_holdout": f(ch.loc[cid, "frequency_holdout"])} for cid in IDS
            ],
        },
    }

    x = summ["frequency"].values
    t_x = summ["recency_w"].values
    T = summ["T_w"].values

    # ---- b. BG/NBD fit ----------------------------------------------------
    bgf_fit = BetaGeoFitter(penalizer_coef=0.0)
    bgf_fit.fit(summ["frequency"], summ["recency_w"], summ["T_w"])
    fitted = {k: float(bgf_fit.params_[k]) for k in ("r", "alpha", "a", "b")}
    bg_nbd_fit = {
        "r": f(fitted["r"]), "alpha": f(fitted["alpha"]), "a": f(fitted["a"]), "b": f(fitted["b"]),
        "log_likelihood": f(bg_ll_lifetimes(fitted, x, t_x, T)),
        "log_likelihood_own_formula": f(bg_ll_own(fitted, x, t_x, T).sum()),
        "log_likelihood_method": (
            "log_likelihood = -(lifetimes BetaGeoFitter._negative_log_likelihood(log(params), x, t_x, T, "
            "weights=1, penalizer=0)) * n_customers, in week units with the unscaled data; "
            "log_likelihood_own_formula = sum of FHL 2005 eq. 6 computed with scipy gammaln/betaln/logaddexp"
        ),
        "optimizer": "lifetimes default: scipy.optimize.minimize (BFGS) on log-params, x0=0.1, tol=1e-7, T scaled to max 1",
        "n_customers": int(len(x)),
    }

    # ---- c. at paper params -----------------------------------------------
    bgf = make_bgf(PAPER_BG)
    cases = []
    for cid in IDS:
        s = summ.loc[cid]
        cases.append(("customer %d" % cid, cid, float(s["frequency"]), float(s["recency_w"]), float(s["T_w"])))
    for (cx, ctx, cT) in EDGE_CASES:
        cases.append(("edge x=%s t_x=%s T=%s" % (cx, ctx, cT), None, float(cx), float(ctx), float(cT)))

    case_out = []
    for (label, cid, cx, ctx, cT) in cases:
        pa = bgf.conditional_probability_alive(cx, ctx, cT)
        ce = []
        for t in T_LIST:
            val = bgf.conditional_expected_number_of_purchases_up_to_time(t, cx, ctx, cT)
            ce.append({"t": f(t), "value": f(numpy.asarray(val).ravel()[0])})
        case_out.append({"label": label, "id": cid, "x": f(cx), "t_x": f(ctx), "T": f(cT),
                         "p_alive": f(numpy.asarray(pa).ravel()[0]),
                         "conditional_expected_purchases": ce})

    at_paper_params = {
        "params": PAPER_BG,
        "log_likelihood": f(bg_ll_lifetimes(PAPER_BG, x, t_x, T)),
        "log_likelihood_own_formula": f(bg_ll_own(PAPER_BG, x, t_x, T).sum()),
        "t_values": [f(t) for t in T_LIST],
        "cases": case_out,
        "population_expected_purchases": [
            {"t": f(t), "value": f(bgf.expected_number_of_purchases_up_to_time(t))} for t in POP_T_LIST
        ],
    }

    # ---- d. Gamma-Gamma fit -----------------------------------------------
    rep = summ[(summ["frequency"] > 0) & (summ["monetary_value"] > 0)]
    ggf_fit = GammaGammaFitter(penalizer_coef=0.0)
    ggf_fit.fit(rep["frequency"], rep["monetary_value"])
    gg = {k: float(ggf_fit.params_[k]) for k in ("p", "q", "v")}
    n_rep_all = int((summ["frequency"] > 0).sum())
    gamma_gamma_fit = {
        "p": f(gg["p"]), "q": f(gg["q"]), "v": f(gg["v"]),
        "log_likelihood": f(gg_ll_lifetimes(gg, rep["frequency"].values, rep["monetary_value"].values)),
        "log_likelihood_own_formula": f(gg_ll_own(gg, rep["frequency"].values, rep["monetary_value"].values).sum()),
        "log_likelihood_at_paper_params": f(gg_ll_lifetimes(PAPER_GG, rep["frequency"].values, rep["monetary_value"].values)),
        "log_likelihood_method": (
            "-(lifetimes GammaGammaFitter._negative_log_likelihood(log(params), x, m_x, weights=1, penalizer=0)) "
            "* n_customers; own formula = sum of log f(m_x | p, q, v, x) from Fader & Hardie 2013 eq. 1a"
        ),
        "n_customers": int(len(rep)),
        "n_repeat_buyers_excluded_for_zero_monetary": n_rep_all - int(len(rep)),
        "pearson_corr_frequency_monetary": f(numpy.corrcoef(rep["frequency"].values, rep["monetary_value"].values)[0, 1]),
        "monetary_value_definition": (
            "lifetimes: transactions on the same day are summed into one; monetary_value = mean of the "
            "repeat (non-first) daily totals in the calibration period; 0 for x=0"
        ),
    }

    # ---- e. at paper GG params ----------------------------------------------
    ggf = GammaGammaFitter(penalizer_coef=0.0)
    ggf.params_ = pd.Series([PAPER_GG[k] for k in ("p", "q", "v")], index=["p", "q", "v"])
    sub = summ.loc[IDS]
    eap = ggf.conditional_expected_average_profit(sub["frequency"], sub["monetary_value"])
    clv = ggf.customer_lifetime_value(
        bgf, sub["frequency"], sub["recency_w"], sub["T_w"], sub["monetary_value"],
        time=12, discount_rate=0.01, freq="W",
    )
    at_paper_gg_params = {
        "params": PAPER_GG,
        "population_mean_spend": f(PAPER_GG["v"] * PAPER_GG["p"] / (PAPER_GG["q"] - 1)),
        "customers_1_30": [
            {"id": cid, "x": f(sub.loc[cid, "frequency"]), "monetary": f(sub.loc[cid, "monetary_value"]),
             "expected_average_profit": f(eap.loc[cid]), "clv_12_months": f(clv.loc[cid])}
            for cid in IDS
        ],
        "clv_args": {"bg_nbd_params": PAPER_BG, "time": 12, "discount_rate": 0.01, "freq": "W"},
    }

    notes = {
        "clv_formula": (
            "lifetimes.utils._customer_lifetime_value (called by GammaGammaFitter.customer_lifetime_value): "
            "factor = 4.345 for freq 'W'; CLV = sum_{k=1..time} mbar * (E[X(k*factor) | x,t_x,T] - "
            "E[X((k-1)*factor) | x,t_x,T]) / (1 + discount_rate)^k, where E[X(t)|...] is "
            "BetaGeoFitter.conditional_expected_number_of_purchases_up_to_time (FHL 2005 eq. 10; equals 0 at t=0) "
            "and mbar = GammaGammaFitter.conditional_expected_average_profit(x, m_x) = "
            "(q-1)/(p*x+q-1) * v*p/(q-1) + p*x/(p*x+q-1) * m_x. Discounting is per month, at the end of "
            "each month k (exponent i/factor = k). No continuous discounting, no margin."
        ),
        "clv_x_zero": (
            "No special case: for x=0 the summary's monetary_value is 0, the GG weight p*x/(p*x+q-1) is 0, so "
            "mbar is the population mean v*p/(q-1) (see at_paper_gg_params.population_mean_spend), "
            "multiplied by the BG/NBD conditional expectation for x=0 (which is positive)."
        ),
        "p_alive_formula": (
            "lifetimes: 1 if x == 0 else 1/(1 + a/(b+x-1) * ((alpha+T)/(alpha+t_x))^(r+x))"
        ),
        "conditional_expectation_formula": (
            "lifetimes: (a+b+x-1)/(a-1) * [1 - ((alpha+T)/(alpha+T+t))^(r+x) * 2F1(r+x, b+x; a+b+x-1; t/(alpha+T+t))] "
            "/ (1 + [x>0] * a/(b+x-1) * ((alpha+T)/(alpha+t_x))^(r+x)); if log 2F1 is inf it uses the Euler "
            "transform 2F1(c-a, c-b; c; z) (1-z)^(c-a-b)"
        ),
        "population_expectation_formula": (
            "lifetimes: (a+b-1)/(a-1) * [1 - (alpha/(alpha+t))^r * 2F1(r, b; a+b-1; t/(alpha+t))] (FHL 2005 eq. 9)"
        ),
        "summary_definition": (
            "lifetimes summary_data_from_transaction_data: dates floored to days, transactions on the same "
            "customer-day merged (amounts summed); x = number of distinct purchase days - 1; t_x = (last - first) "
            "days; T = (1997-09-30 - first) days; weeks = days / 7 (not rounded to 2 decimals as in Hardie's file)"
        ),
        "params_set_directly": "at_paper_params / at_paper_gg_params set fitter.params_ directly (no fit).",
    }

    versions = {
        "python": sys.version.split()[0],
        "lifetimes": lifetimes.__version__,
        "numpy": numpy.__version__,
        "scipy": scipy.__version__,
        "pandas": pd.__version__,
    }
    try:
        import autograd  # noqa: F401
        from importlib.metadata import version as _v
        versions["autograd"] = _v("autograd")
    except Exception:  # pragma: no cover
        pass

    out = {
        "generator": "scripts/reference/lifetimes_reference.py",
        "versions": versions,
        "summary": summary,
        "bg_nbd_fit": bg_nbd_fit,
        "at_paper_params": at_paper_params,
        "gamma_gamma_fit": gamma_gamma_fit,
        "at_paper_gg_params": at_paper_gg_params,
        "notes": notes,
    }
    with open(OUTPUT, "w") as fh:
        json.dump(out, fh, indent=2, allow_nan=False)
        fh.write("\n")
    print("wrote", OUTPUT)


if __name__ == "__main__":
    main()
