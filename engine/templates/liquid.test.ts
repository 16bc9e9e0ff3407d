import { describe, expect, it } from "vitest";
import { eventTypes } from "../events/event-types";
import { sampleEvent, sampleEventWith } from "../events/sample-events";
import { checkTemplate, renderTemplate, templateVariables, TemplateError } from "./liquid";

const missed = sampleEvent("call.missed");

describe("renderTemplate", () => {
  it("interpolates event fields", () => {
    expect(renderTemplate("Hi {{ caller.name }} from {{ caller.city }}", missed)).toBe("Hi Jane Doe from Oakland");
    expect(renderTemplate("{{ call.duration_seconds }}s via {{ attribution.source }}", missed)).toBe("0s via Google Ads");
  });

  it("renders missing and null values as empty text, and `default` fills them", () => {
    const anonymous = sampleEventWith("call.missed", (draft) => {
      draft.caller.name = null;
    });
    expect(renderTemplate("Hi {{ caller.name }}!", anonymous)).toBe("Hi !");
    expect(renderTemplate('Hi {{ caller.name | default: "there" }}!', anonymous)).toBe("Hi there!");
    expect(renderTemplate("[{{ caller.nickname }}]", missed)).toBe("[]");
  });

  it("supports standard filters, loops and conditions", () => {
    expect(renderTemplate("{{ caller.name | upcase }}", missed)).toBe("JANE DOE");
    expect(renderTemplate("{{ caller.name | split: ' ' | first }}", missed)).toBe("Jane");
    const tagged = sampleEvent("call.answered");
    expect(renderTemplate("{% for tag in call.tags %}#{{ tag }} {% endfor %}", tagged)).toBe("#new-patient ");
    expect(renderTemplate("{% if call.answered %}yes{% else %}no{% endif %}", missed)).toBe("no");
    expect(renderTemplate("{{ call.tags.size }}", tagged)).toBe("1");
  });

  it("formats dates in the organisation's time zone", () => {
    expect(renderTemplate("{{ call.started_at | date: '%H:%M' }}", missed, { timezone: "America/Los_Angeles" })).toBe("07:01");
    expect(renderTemplate("{{ call.started_at | date: '%H:%M' }}", missed, { timezone: "Europe/Paris" })).toBe("16:01");
  });

  it("leaves text unescaped for SMS and escapes HTML on request", () => {
    const sneaky = sampleEventWith("call.missed", (draft) => {
      draft.caller.name = '<script>alert("x")</script> & co';
    });
    expect(renderTemplate("{{ caller.name }}", sneaky)).toBe('<script>alert("x")</script> & co');
    expect(renderTemplate("<b>{{ caller.name }}</b>", sneaky, { escape: "html" })).toBe(
      "<b>&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; co</b>",
    );
  });

  it("hides everything but the event's own properties", () => {
    expect(renderTemplate("[{{ caller.constructor }}{{ caller.toString }}{{ caller.__proto__ }}]", missed)).toBe("[]");
  });

  it("reads no files: includes and renders find nothing, and say so without a path", () => {
    expect(() => renderTemplate("{% include '/etc/passwd' %}", missed)).toThrow("Including other templates isn't available here.");
    expect(() => renderTemplate("{% render 'package.json' %}", missed)).toThrow("Including other templates isn't available here.");
  });

  it("stops a template that does too much work, in words a person can act on", () => {
    expect(() => renderTemplate("{% for i in (1..50000000) %}x{% endfor %}", missed)).toThrow(
      "This template takes too much work to fill in: make its loops shorter.",
    );
  });

  it("reports syntax errors and unknown filters as template errors", () => {
    expect(() => renderTemplate("Hi {{ caller.name", missed)).toThrow(/mistake/);
    try {
      renderTemplate("{{ caller.name | shout }}", missed);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(TemplateError);
      expect((error as TemplateError).code).toBe("template_unknown_filter");
    }
  });
});

describe("checkTemplate", () => {
  it("accepts known variables, filters and local variables", () => {
    expect(
      checkTemplate(
        '{% assign first = caller.name | split: " " | first %}Hi {{ first | default: "there" }}, {{ call.tags[0] }} {{ call.tags.first }} {% for t in call.tags %}{{ t }}{% endfor %}',
        "call.missed",
      ),
    ).toEqual([]);
    expect(checkTemplate("plain text", "sms.received")).toEqual([]);
  });

  it("reports unknown variables with a suggestion", () => {
    expect(checkTemplate("Hi {{ caller.nmae }}", "call.missed")).toEqual([
      expect.objectContaining({ code: "template_unknown_variable", variable: "caller.nmae", suggestion: "caller.name" }),
    ]);
    const [issue] = checkTemplate("{{ completely.different }}", "call.missed");
    expect(issue.suggestion).toBeUndefined();
    expect(issue.message).toContain("Pick a variable");
  });

  it("reports each unknown variable once", () => {
    expect(checkTemplate("{{ nope }} {{ nope }}", "call.missed")).toHaveLength(1);
  });

  it("knows which variables each trigger offers", () => {
    expect(checkTemplate("{{ message.body }}", "sms.received")).toEqual([]);
    expect(checkTemplate("{{ message.body }}", "call.missed")).toHaveLength(1);
    expect(checkTemplate("{{ call.duration_seconds }}", "sms.received")).toHaveLength(1);
    expect(checkTemplate("{{ tracking_number.label }}", "form.submitted")).toHaveLength(1);
    expect(checkTemplate("{{ convert_assist.summary }}", "convert_assist.completed")).toEqual([]);
  });

  it("allows any field under a form's fields, including computed and quoted names", () => {
    expect(checkTemplate('{{ form.fields.budget }} {{ form.fields["Your email"] }} {{ form.fields[form.id] }}', "form.submitted")).toEqual(
      [],
    );
    expect(checkTemplate("{{ changes.tags.to }}", "call.modified")).toEqual([]);
  });

  it("rejects properties that do not exist on values and lists", () => {
    expect(checkTemplate("{{ caller.name.size }} {{ call.tags.size }}", "call.missed")).toEqual([]);
    expect(checkTemplate("{{ caller.name.length }}", "call.missed")).toHaveLength(1);
    expect(checkTemplate("{{ call.tags.length }}", "call.missed")).toHaveLength(1);
    expect(checkTemplate("{{ caller[0] }}", "call.missed")).toHaveLength(1);
    expect(checkTemplate("{{ caller[call.id] }}", "call.missed")).toHaveLength(1);
    expect(checkTemplate("{{ call.tags[call.id] }}", "call.missed")).toEqual([]);
  });

  it("reports syntax errors and unknown filters without throwing", () => {
    expect(checkTemplate("{{ caller.name", "call.missed")).toEqual([expect.objectContaining({ code: "template_syntax" })]);
    expect(checkTemplate("{% if caller.name %}hi", "call.missed")).toEqual([expect.objectContaining({ code: "template_syntax" })]);
    expect(checkTemplate("{{ caller.name | shout }}", "call.missed")).toEqual([
      expect.objectContaining({ code: "template_unknown_filter", message: 'Unknown filter "shout".' }),
    ]);
    expect(checkTemplate("{% include 'x' %}", "call.missed")).toEqual([
      expect.objectContaining({ code: "template_syntax", message: expect.stringContaining("Including other templates") }),
    ]);
  });
});

describe("templateVariables", () => {
  it("lists variables with examples for every event type", () => {
    for (const type of eventTypes) {
      const variables = templateVariables(type);
      expect(variables.length).toBeGreaterThan(10);
      for (const variable of variables) expect(checkTemplate(`{{ ${variable.path} }}`, type)).toEqual([]);
    }
  });

  it("offers the event's own fields", () => {
    const paths = templateVariables("call.missed").map((variable) => variable.path);
    expect(paths).toContain("caller.name");
    expect(paths).toContain("call.duration_seconds");
    expect(paths).not.toContain("message.body");
    expect(templateVariables("call.missed").find((v) => v.path === "caller.name")?.example).toBe("Jane Doe");
    expect(templateVariables("form.submitted").map((v) => v.path)).toContain("form.fields.email");
    expect(templateVariables("call.answered").find((v) => v.path === "call.tags")?.example).toBe("new-patient");
  });
});
