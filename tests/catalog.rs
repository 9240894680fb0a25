//! The catalog is complete and consistent: the page can build every form and
//! every text from it.

use std::collections::BTreeSet;

use retention_metrics::catalog::definitions;
use retention_metrics::text::{placeholders, Texts};
use retention_metrics::{catalog, messages, Locale};

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn twenty_one_metrics_with_unique_ids_in_six_groups() {
    let metrics = catalog(Locale::En);
    assert_eq!(metrics.len(), 22);
    let ids: BTreeSet<_> = metrics.iter().map(|m| m.id).collect();
    assert_eq!(ids.len(), 22);
    let groups: BTreeSet<_> = metrics.iter().map(|m| m.group).collect();
    assert_eq!(groups, BTreeSet::from(["cost", "loyalty", "retention", "satisfaction", "subscription", "value"]));
    for spec_id in [
        "retention_rate",
        "churn_rate",
        "average_order_value",
        "purchase_frequency",
        "customer_lifetime_value",
        "customer_lifespan",
        "repeat_purchase_rate",
        "net_promoter_score",
        "customer_satisfaction",
        "customer_effort_score",
        "monthly_recurring_revenue",
        "retention_cost",
        "acquisition_cost",
        "clv_to_cac",
        "acquisition_vs_retention",
        "referral_rate",
        "survey_response_rate",
        "redemption_rate",
        "contact_rate",
        "punch_card_cost",
        "retention_projection",
    ] {
        assert!(ids.contains(spec_id), "{spec_id} missing");
    }
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn every_metric_and_input_has_its_words() {
    let texts = Texts::for_locale(Locale::En);
    for def in definitions() {
        for suffix in ["name", "description", "formula", "step.main", "reading.main"] {
            let key = format!("metric.{}.{suffix}", def.id);
            // Metrics whose main step is split in stages have no `step.main`
            // only if every stage exists; all of ours keep a main step.
            assert!(texts.find(&key).is_some(), "missing {key}");
        }
        for input in def.inputs {
            for key in
                [format!("metric.{}.input.{}", def.id, input.id), format!("metric.{}.input.{}.help", def.id, input.id)]
            {
                assert!(texts.find(&key).is_some(), "missing {key}");
            }
        }
        for example in def.examples {
            let key = format!("metric.{}.example.{}", def.id, example.id);
            assert!(texts.find(&key).is_some(), "missing {key}");
            for (input, _) in example.inputs {
                assert!(def.inputs.iter().any(|i| i.id == *input), "{} example uses unknown input {input}", def.id);
            }
        }
    }
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn metric_texts_only_name_inputs_facts_or_labels_that_exist() {
    let texts = Texts::for_locale(Locale::En);
    for def in definitions() {
        let prefix = format!("metric.{}.", def.id);
        for key in texts.keys().filter(|k| k.starts_with(&prefix)) {
            for name in placeholders(texts.get(key)) {
                let input_name = name.strip_prefix("label:").unwrap_or(name);
                let is_input = def.inputs.iter().any(|i| i.id == input_name);
                let is_general =
                    ["value", "label", "points", "reference", "low", "high", "lowest", "highest"].contains(&name);
                let is_fact = !name.contains(':')
                    && name.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
                assert!(is_input || is_general || is_fact, "{key} uses {{{name}}}");
                if name.starts_with("label:") {
                    assert!(is_input, "{key} names the label of unknown input {input_name}");
                }
            }
        }
    }
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn every_text_key_belongs_to_something_that_exists() {
    let texts = Texts::for_locale(Locale::En);
    let ids: BTreeSet<_> = definitions().map(|d| d.id).collect();
    for key in texts.keys() {
        if let Some(rest) = key.strip_prefix("metric.") {
            let id = rest.split('.').next().unwrap_or_default();
            assert!(ids.contains(id), "{key} belongs to no metric");
        }
    }
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn the_page_gets_its_interface_texts() {
    let page = messages(Locale::En);
    for key in [
        "ui.title",
        "ui.search_label",
        "ui.fill_in",
        "currency.PLN",
        "sector.restaurants",
        "group.retention",
        "lang.en",
    ] {
        assert!(page.iter().any(|(k, _)| k == key), "messages() lacks {key}");
    }
    assert!(page.iter().all(|(k, _)| !k.starts_with("metric.")), "metric texts belong to catalog()");
}
