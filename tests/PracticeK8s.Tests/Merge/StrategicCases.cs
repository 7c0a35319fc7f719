namespace PracticeK8s.Tests.Merge;

/// <summary>
/// Strategic merge patch cases with the result Kubernetes 1.32 gives. Each runs twice: through
/// <c>StrategicMergePatch.Apply</c> and through stock <c>kubectl patch --local</c> (the referee).
/// JSON is written with single quotes.
/// </summary>
public static class StrategicCases
{
    public sealed record Case(string Name, string Original, string Patch, string Expected)
    {
        public override string ToString() => Name;
    }

    private const string Pod =
        "{'apiVersion':'v1','kind':'Pod','metadata':{'name':'p','labels':{'app':'web','tier':'front'},'finalizers':['a','b']}," +
        "'spec':{'containers':[{'name':'a','image':'x','ports':[{'containerPort':80,'protocol':'TCP'},{'containerPort':443,'protocol':'TCP'}]},{'name':'b','image':'y'}]}}";

    private const string Deployment =
        "{'apiVersion':'apps/v1','kind':'Deployment','metadata':{'name':'web'},'spec':{'replicas':2," +
        "'strategy':{'type':'RollingUpdate','rollingUpdate':{'maxSurge':1,'maxUnavailable':0}}," +
        "'template':{'spec':{'containers':[{'name':'web','image':'nginx:1.25','args':['-a','-b']," +
        "'env':[{'name':'A','value':'1'},{'name':'B','value':'2'}]," +
        "'volumeMounts':[{'name':'data','mountPath':'/data'},{'name':'cache','mountPath':'/cache'}]}]," +
        "'volumes':[{'name':'data','emptyDir':{}},{'name':'cache','emptyDir':{}}]," +
        "'tolerations':[{'key':'a','operator':'Exists'},{'key':'b','operator':'Exists'}]}}}}";

    private const string Service =
        "{'apiVersion':'v1','kind':'Service','metadata':{'name':'s','ownerReferences':[{'apiVersion':'v1','kind':'X','name':'o1','uid':'u1'},{'apiVersion':'v1','kind':'X','name':'o2','uid':'u2'}]}," +
        "'spec':{'ports':[{'port':80,'targetPort':8080,'protocol':'TCP'},{'port':443,'targetPort':8443,'protocol':'TCP'}]}," +
        "'status':{'conditions':[{'type':'A','status':'True'},{'type':'B','status':'False'}]}}";

    public static readonly Case[] All =
    [
        new("containers merge by name, new ones appended",
            Pod,
            "{'spec':{'containers':[{'name':'b','image':'y2'},{'name':'c','image':'z'}]}}",
            "{'apiVersion':'v1','kind':'Pod','metadata':{'name':'p','labels':{'app':'web','tier':'front'},'finalizers':['a','b']},'spec':{'containers':[{'name':'a','image':'x','ports':[{'containerPort':80,'protocol':'TCP'},{'containerPort':443,'protocol':'TCP'}]},{'name':'b','image':'y2'},{'name':'c','image':'z'}]}}"),
        new("container ports merge by containerPort",
            Pod,
            "{'spec':{'containers':[{'name':'a','ports':[{'containerPort':443,'name':'https'},{'containerPort':8080}]}]}}",
            "{'apiVersion':'v1','kind':'Pod','metadata':{'name':'p','labels':{'app':'web','tier':'front'},'finalizers':['a','b']},'spec':{'containers':[{'name':'a','image':'x','ports':[{'containerPort':80,'protocol':'TCP'},{'containerPort':443,'protocol':'TCP','name':'https'},{'containerPort':8080}]},{'name':'b','image':'y'}]}}"),
        new("ports of another protocol on the same number collide (strategic key is containerPort alone)",
            "{'apiVersion':'v1','kind':'Pod','metadata':{'name':'p'},'spec':{'containers':[{'name':'a','ports':[{'containerPort':53,'protocol':'TCP'}]}]}}",
            "{'spec':{'containers':[{'name':'a','ports':[{'containerPort':53,'protocol':'UDP'}]}]}}",
            "{'apiVersion':'v1','kind':'Pod','metadata':{'name':'p'},'spec':{'containers':[{'name':'a','ports':[{'containerPort':53,'protocol':'UDP'}]}]}}"),
        new("an integer key never matches a float one",
            Service,
            "{'spec':{'ports':[{'port':80.0,'name':'http'}]}}",
            "{'apiVersion':'v1','kind':'Service','metadata':{'name':'s','ownerReferences':[{'apiVersion':'v1','kind':'X','name':'o1','uid':'u1'},{'apiVersion':'v1','kind':'X','name':'o2','uid':'u2'}]},'spec':{'ports':[{'name':'http','port':80},{'port':80,'protocol':'TCP','targetPort':8080},{'port':443,'protocol':'TCP','targetPort':8443}]},'status':{'conditions':[{'status':'True','type':'A'},{'status':'False','type':'B'}]}}"),
        new("env by name with a $patch delete element; volumeMounts by mountPath",
            Deployment,
            "{'spec':{'template':{'spec':{'containers':[{'name':'web','env':[{'name':'B','value':'3'},{'name':'A','$patch':'delete'},{'name':'C','value':'4'}],'volumeMounts':[{'mountPath':'/cache','readOnly':true}]}]}}}}",
            "{'apiVersion':'apps/v1','kind':'Deployment','metadata':{'name':'web'},'spec':{'replicas':2,'strategy':{'type':'RollingUpdate','rollingUpdate':{'maxSurge':1,'maxUnavailable':0}},'template':{'spec':{'containers':[{'name':'web','image':'nginx:1.25','args':['-a','-b'],'env':[{'name':'B','value':'3'},{'name':'C','value':'4'}],'volumeMounts':[{'name':'data','mountPath':'/data'},{'name':'cache','mountPath':'/cache','readOnly':true}]}],'volumes':[{'name':'data','emptyDir':{}},{'name':'cache','emptyDir':{}}],'tolerations':[{'key':'a','operator':'Exists'},{'key':'b','operator':'Exists'}]}}}}"),
        new("volumes keep only the $retainKeys keys",
            Deployment,
            "{'spec':{'template':{'spec':{'volumes':[{'name':'data','$retainKeys':['name','hostPath'],'hostPath':{'path':'/srv'}}]}}}}",
            "{'apiVersion':'apps/v1','kind':'Deployment','metadata':{'name':'web'},'spec':{'replicas':2,'strategy':{'type':'RollingUpdate','rollingUpdate':{'maxSurge':1,'maxUnavailable':0}},'template':{'spec':{'containers':[{'name':'web','image':'nginx:1.25','args':['-a','-b'],'env':[{'name':'A','value':'1'},{'name':'B','value':'2'}],'volumeMounts':[{'name':'data','mountPath':'/data'},{'name':'cache','mountPath':'/cache'}]}],'volumes':[{'name':'data','hostPath':{'path':'/srv'}},{'name':'cache','emptyDir':{}}],'tolerations':[{'key':'a','operator':'Exists'},{'key':'b','operator':'Exists'}]}}}}"),
        new("Deployment strategy with $retainKeys drops rollingUpdate",
            Deployment,
            "{'spec':{'strategy':{'$retainKeys':['type'],'type':'Recreate'}}}",
            "{'apiVersion':'apps/v1','kind':'Deployment','metadata':{'name':'web'},'spec':{'replicas':2,'strategy':{'type':'Recreate'},'template':{'spec':{'containers':[{'name':'web','image':'nginx:1.25','args':['-a','-b'],'env':[{'name':'A','value':'1'},{'name':'B','value':'2'}],'volumeMounts':[{'name':'data','mountPath':'/data'},{'name':'cache','mountPath':'/cache'}]}],'volumes':[{'name':'data','emptyDir':{}},{'name':'cache','emptyDir':{}}],'tolerations':[{'key':'a','operator':'Exists'},{'key':'b','operator':'Exists'}]}}}}"),
        new("Deployment strategy without $retainKeys merges",
            Deployment,
            "{'spec':{'strategy':{'type':'Recreate'}}}",
            "{'apiVersion':'apps/v1','kind':'Deployment','metadata':{'name':'web'},'spec':{'replicas':2,'strategy':{'type':'Recreate','rollingUpdate':{'maxSurge':1,'maxUnavailable':0}},'template':{'spec':{'containers':[{'name':'web','image':'nginx:1.25','args':['-a','-b'],'env':[{'name':'A','value':'1'},{'name':'B','value':'2'}],'volumeMounts':[{'name':'data','mountPath':'/data'},{'name':'cache','mountPath':'/cache'}]}],'volumes':[{'name':'data','emptyDir':{}},{'name':'cache','emptyDir':{}}],'tolerations':[{'key':'a','operator':'Exists'},{'key':'b','operator':'Exists'}]}}}}"),
        new("tolerations and args are replaced whole",
            Deployment,
            "{'spec':{'template':{'spec':{'tolerations':[{'key':'c','operator':'Exists'}],'containers':[{'name':'web','args':['-c']}]}}}}",
            "{'apiVersion':'apps/v1','kind':'Deployment','metadata':{'name':'web'},'spec':{'replicas':2,'strategy':{'type':'RollingUpdate','rollingUpdate':{'maxSurge':1,'maxUnavailable':0}},'template':{'spec':{'containers':[{'name':'web','image':'nginx:1.25','args':['-c'],'env':[{'name':'A','value':'1'},{'name':'B','value':'2'}],'volumeMounts':[{'name':'data','mountPath':'/data'},{'name':'cache','mountPath':'/cache'}]}],'volumes':[{'name':'data','emptyDir':{}},{'name':'cache','emptyDir':{}}],'tolerations':[{'key':'c','operator':'Exists'}]}}}}"),
        new("finalizers are a set union, patch order first",
            Pod,
            "{'metadata':{'finalizers':['c','a']}}",
            "{'apiVersion':'v1','kind':'Pod','metadata':{'name':'p','labels':{'app':'web','tier':'front'},'finalizers':['c','a','b']},'spec':{'containers':[{'name':'a','image':'x','ports':[{'containerPort':80,'protocol':'TCP'},{'containerPort':443,'protocol':'TCP'}]},{'name':'b','image':'y'}]}}"),
        new("$deleteFromPrimitiveList removes finalizers",
            Pod,
            "{'metadata':{'$deleteFromPrimitiveList/finalizers':['a','zzz']}}",
            "{'apiVersion':'v1','kind':'Pod','metadata':{'name':'p','labels':{'app':'web','tier':'front'},'finalizers':['b']},'spec':{'containers':[{'name':'a','image':'x','ports':[{'containerPort':80,'protocol':'TCP'},{'containerPort':443,'protocol':'TCP'}]},{'name':'b','image':'y'}]}}"),
        new("ownerReferences by uid, service ports by port, conditions by type",
            Service,
            "{'metadata':{'ownerReferences':[{'uid':'u2','name':'renamed'}]},'spec':{'ports':[{'port':80,'targetPort':9090}]},'status':{'conditions':[{'type':'B','status':'True'}]}}",
            "{'apiVersion':'v1','kind':'Service','metadata':{'name':'s','ownerReferences':[{'apiVersion':'v1','kind':'X','name':'o1','uid':'u1'},{'apiVersion':'v1','kind':'X','name':'renamed','uid':'u2'}]},'spec':{'ports':[{'port':80,'protocol':'TCP','targetPort':9090},{'port':443,'protocol':'TCP','targetPort':8443}]},'status':{'conditions':[{'status':'True','type':'A'},{'status':'True','type':'B'}]}}"),
        new("$patch replace inside a list replaces the list",
            Pod,
            "{'spec':{'containers':[{'$patch':'replace'},{'name':'z','image':'z'}]}}",
            "{'apiVersion':'v1','kind':'Pod','metadata':{'name':'p','labels':{'app':'web','tier':'front'},'finalizers':['a','b']},'spec':{'containers':[{'name':'z','image':'z'}]}}"),
        new("$patch replace on a map replaces the map",
            Pod,
            "{'metadata':{'labels':{'$patch':'replace','x':'y'}}}",
            "{'apiVersion':'v1','kind':'Pod','metadata':{'name':'p','labels':{'x':'y'},'finalizers':['a','b']},'spec':{'containers':[{'name':'a','image':'x','ports':[{'containerPort':80,'protocol':'TCP'},{'containerPort':443,'protocol':'TCP'}]},{'name':'b','image':'y'}]}}"),
        new("$patch delete on a missing map adds nothing; on a missing list element nothing",
            Pod,
            "{'spec':{'securityContext':{'$patch':'delete'},'containers':[{'name':'q','$patch':'delete'}]}}",
            "{'apiVersion':'v1','kind':'Pod','metadata':{'name':'p','labels':{'app':'web','tier':'front'},'finalizers':['a','b']},'spec':{'containers':[{'name':'a','image':'x','ports':[{'containerPort':80,'protocol':'TCP'},{'containerPort':443,'protocol':'TCP'}]},{'name':'b','image':'y'}]}}"),
        new("$patch delete removes a container",
            Pod,
            "{'spec':{'containers':[{'name':'a','$patch':'delete'}]}}",
            "{'apiVersion':'v1','kind':'Pod','metadata':{'name':'p','labels':{'app':'web','tier':'front'},'finalizers':['a','b']},'spec':{'containers':[{'name':'b','image':'y'}]}}"),
        new("$setElementOrder reorders without changes",
            Pod,
            "{'spec':{'$setElementOrder/containers':[{'name':'b'},{'name':'a'}]}}",
            "{'apiVersion':'v1','kind':'Pod','metadata':{'name':'p','labels':{'app':'web','tier':'front'},'finalizers':['a','b']},'spec':{'containers':[{'name':'b','image':'y'},{'name':'a','image':'x','ports':[{'containerPort':80,'protocol':'TCP'},{'containerPort':443,'protocol':'TCP'}]}]}}"),
        new("$setElementOrder places new items, server-only items keep their place",
            Pod,
            "{'spec':{'$setElementOrder/containers':[{'name':'c'},{'name':'a'}],'containers':[{'name':'c','image':'c'}]}}",
            "{'apiVersion':'v1','kind':'Pod','metadata':{'name':'p','labels':{'app':'web','tier':'front'},'finalizers':['a','b']},'spec':{'containers':[{'name':'c','image':'c'},{'name':'a','image':'x','ports':[{'containerPort':80,'protocol':'TCP'},{'containerPort':443,'protocol':'TCP'}]},{'name':'b','image':'y'}]}}"),
        new("null deletes map keys; unmatched nulls are dropped",
            Pod,
            "{'metadata':{'labels':{'tier':null,'nope':null}},'spec':{'nodeName':null,'affinity':{'nodeAffinity':null}}}",
            "{'apiVersion':'v1','kind':'Pod','metadata':{'name':'p','labels':{'app':'web'},'finalizers':['a','b']},'spec':{'affinity':{},'containers':[{'name':'a','image':'x','ports':[{'containerPort':80,'protocol':'TCP'},{'containerPort':443,'protocol':'TCP'}]},{'name':'b','image':'y'}]}}"),
        new("a new list with delete elements keeps only the others",
            Pod,
            "{'spec':{'initContainers':[{'name':'q','$patch':'delete'},{'name':'r','image':'r'}]}}",
            "{'apiVersion':'v1','kind':'Pod','metadata':{'name':'p','labels':{'app':'web','tier':'front'},'finalizers':['a','b']},'spec':{'containers':[{'name':'a','image':'x','ports':[{'containerPort':80,'protocol':'TCP'},{'containerPort':443,'protocol':'TCP'}]},{'name':'b','image':'y'}],'initContainers':[{'name':'r','image':'r'}]}}"),
        new("PodDisruptionBudget selector is replaced whole",
            "{'apiVersion':'policy/v1','kind':'PodDisruptionBudget','metadata':{'name':'pdb'},'spec':{'minAvailable':1,'selector':{'matchLabels':{'app':'web','tier':'front'}}}}",
            "{'spec':{'selector':{'matchLabels':{'app':'api'}}}}",
            "{'apiVersion':'policy/v1','kind':'PodDisruptionBudget','metadata':{'name':'pdb'},'spec':{'minAvailable':1,'selector':{'matchLabels':{'app':'api'}}}}"),
    ];

    public static TheoryData<Case> Data()
    {
        var data = new TheoryData<Case>();
        foreach (var c in All)
        {
            data.Add(c);
        }

        return data;
    }
}
